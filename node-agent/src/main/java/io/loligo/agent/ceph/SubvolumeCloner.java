package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.SubvolumeClone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Clones a subvolume's snapshot and follows the clone to its end. Ceph 16 tells a clone's state, not how much of it
 * is copied, so its progress is its state and the time it has been in it.
 */
@ApplicationScoped
public class SubvolumeCloner {
    static final Duration POLL_EVERY = Duration.ofSeconds(1);
    /** How long the mgr may leave the clone's status unanswered before the clone is given up on as unknown. */
    static final Duration MGR_PATIENCE = Duration.ofMinutes(2);

    @Inject
    ClusterProbe cluster;
    @Inject
    SubvolumeCatalog catalog;

    /**
     * @return {@code {"outs": ...}} once the clone is complete
     * @throws RadosException once the volumes module says the clone failed or was cancelled
     */
    public JsonNode clone(SubvolumeClone clone, Consumer<CommandReply.Progress> progress) throws InterruptedException {
        try {
            cluster.change(reader -> reader.startClone(clone));
            long started = System.nanoTime();
            Long mgrSilentSince = null;
            while (true) {
                JsonNode status;
                try {
                    status = cluster.read(reader -> reader.cloneStatus(clone.volume(), clone.target(), clone.targetGroup()));
                    mgrSilentSince = null;
                } catch (MgrUnavailableException busy) {
                    // the volumes module answers late while its cloner holds the volume: the clone goes on meanwhile
                    long now = System.nanoTime();
                    mgrSilentSince = mgrSilentSince == null ? now : mgrSilentSince;
                    if (Duration.ofNanos(now - mgrSilentSince).compareTo(MGR_PATIENCE) > 0) {
                        throw busy;
                    }
                    progress.accept(CommandReply.Progress.waiting("waiting for the mgr's volumes module to answer",
                            Duration.ofNanos(now - mgrSilentSince).toSeconds()));
                    Thread.sleep(POLL_EVERY.toMillis());
                    continue;
                }
                String state = status.path("state").asText();
                switch (state) {
                    case "complete" -> {
                        return JsonNodeFactory.instance.objectNode().put("outs", "clone " + clone.target() + " complete");
                    }
                    case "failed", "canceled" -> throw new RadosException("clone " + clone.target(), -status.path("failure").path("errno").asInt(5),
                            "the volumes module says the clone " + state + ": " + status.path("failure").path("error_msg").asText(state));
                    default -> progress.accept(CommandReply.Progress.waiting(state, Duration.ofNanos(System.nanoTime() - started).toSeconds()));
                }
                Thread.sleep(POLL_EVERY.toMillis());
            }
        } finally {
            catalog.changed(clone.volume(), clone.targetGroup(), clone.target());
        }
    }
}
