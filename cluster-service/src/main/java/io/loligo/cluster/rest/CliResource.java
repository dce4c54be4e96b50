package io.loligo.cluster.rest;

import io.loligo.cluster.cli.CliRuns;
import io.loligo.contracts.api.CliApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

@Path("/internal/v2")
public class CliResource implements CliApi {
    @Inject
    ActingUser actingUser;
    @Inject
    CliRuns runs;

    @Override
    public CliView runCli(String fsid, CliForm form) {
        return runs.run(fsid, form, actingUser.name());
    }
}
