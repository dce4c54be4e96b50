package io.loligo.cluster.server;

import io.loligo.cluster.leader.LeaderOnly;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/** Notices servers that stopped reporting, within a second of their limit. */
@ApplicationScoped
public class LatenessMonitor {
    @Inject
    ServerInventory inventory;

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = LeaderOnly.class)
    void sweep() {
        inventory.markLate(Instant.now());
    }
}
