package io.loligo.cluster.request;

import io.loligo.cluster.leader.LeaderOnly;
import io.loligo.cluster.leader.Leadership;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;

/** Resumes the requests the previous leader left, and ends those that waited too long, once a second. */
@ApplicationScoped
public class RequestSweep {
    @Inject
    Requests requests;

    void resume(@Observes Leadership.BecameLeader leading) {
        requests.resendInFlight(Instant.now());
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = LeaderOnly.class)
    void sweep() {
        requests.sweep(Instant.now());
    }
}
