package io.loligo.cluster.rest;

import io.loligo.cluster.request.Planned;
import io.loligo.cluster.request.Requests;
import io.loligo.contracts.api.RequestView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.UUID;

/** Calamari's answer to every mutation: 202 with the request that makes the change, or 304 when nothing changes. */
@ApplicationScoped
public class Mutations {
    /** Who asked, when cluster-service is called without the gateway, which always names the user. */
    static final String UNNAMED_USER = "(internal)";

    @Inject
    Requests requests;

    /** The user the gateway named, or a mark that no one was. */
    static String named(String user) {
        return user == null || user.isBlank() ? UNNAMED_USER : user;
    }

    public Response run(String fsid, String user, Planned planned) {
        if (planned.changesNothing()) {
            return Response.notModified().build();
        }
        UUID id = requests.submit(fsid, named(user), planned.headline(),
                planned.changes(), Instant.now());
        return Response.accepted(new RequestView.Accepted(id.toString())).build();
    }
}
