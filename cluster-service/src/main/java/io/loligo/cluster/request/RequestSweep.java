package io.loligo.cluster.request;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;

/** Resumes the requests a stopped cluster-service left, and ends those that waited too long, once a second. */
@ApplicationScoped
public class RequestSweep {
    @Inject
    Requests requests;

    void resume(@Observes StartupEvent startup) {
        requests.resendInFlight(Instant.now());
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        requests.sweep(Instant.now());
    }
}
