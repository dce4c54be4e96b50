package io.loligo.cluster.crush;

import io.loligo.cluster.request.Planned;
import io.loligo.cluster.sync.LiveReads;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.command.CompileCrushMap;
import io.loligo.contracts.command.CrushMapChange;
import io.loligo.contracts.command.RequestedChange;
import io.loligo.contracts.refusal.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Has the favoured agent compile each new CRUSH map before it becomes a request. crushtool lives only on Ceph's
 * hosts, and a map that does not compile should be refused while its author waits, not fail later.
 */
@ApplicationScoped
public class CrushMapCompiler {
    @Inject
    LiveReads liveReads;

    /**
     * @param field what a compile error is reported on
     * @throws InvalidInput with crushtool's message when a map does not compile
     */
    public Planned compiles(Planned planned, String field) {
        for (RequestedChange change : planned.changes()) {
            if (change instanceof CrushMapChange crushMap) {
                String error = liveReads.read(new CompileCrushMap(crushMap.fsid(), crushMap.text())).path("error").asText(null);
                if (error != null) {
                    throw InvalidInput.of(field, "crushtool cannot compile the CRUSH map: " + error);
                }
            }
        }
        return planned;
    }
}
