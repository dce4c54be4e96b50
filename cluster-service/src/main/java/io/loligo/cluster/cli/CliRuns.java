package io.loligo.cluster.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.server.InventoryQueries;
import io.loligo.cluster.sync.LiveReads;
import io.loligo.contracts.api.CliApi.CliForm;
import io.loligo.contracts.api.CliApi.CliView;
import io.loligo.contracts.command.RunCli;
import io.loligo.contracts.refusal.NotAllowed;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** Runs allowed ceph command lines through the cluster's favoured agent. */
@ApplicationScoped
public class CliRuns {
    @Inject
    CliConfig config;
    @Inject
    InventoryQueries inventory;
    @Inject
    LiveReads liveReads;

    public CliView run(String fsid, CliForm form, String user) {
        List<String> words = CommandLine.words(form == null ? null : form.command());
        inventory.requireCluster(fsid);
        JsonNode answer = liveReads.read(new RunCli(fsid, words), config.timeout());
        if (answer.has("invalid")) {
            throw CommandLine.invalid(answer.path("invalid").asText());
        }
        String prefix = answer.path("prefix").asText();
        if (answer.has("refused")) {
            Log.infof("refused 'ceph %s' on cluster %s for %s: not allowed", String.join(" ", words), fsid, user);
            List<String> allowed = new ArrayList<>();
            answer.path("allowed").forEach(command -> allowed.add(command.asText()));
            throw new NotAllowed("CommandNotAllowed", answer.path("refused").asText() + "; allowed: " + String.join(", ", allowed));
        }
        int status = answer.path("status").asInt();
        Log.infof("ran 'ceph %s' on cluster %s for %s: status %d", String.join(" ", words), fsid, user, status);
        return new CliView(answer.path("out").asText(), answer.path("err").asText(), status, prefix);
    }
}
