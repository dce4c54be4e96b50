package io.loligo.cluster.request;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/** Ends requests that waited too long, once a second. */
@ApplicationScoped
public class RequestSweep {
    @Inject
    Requests requests;

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        requests.sweep(Instant.now());
    }
}
