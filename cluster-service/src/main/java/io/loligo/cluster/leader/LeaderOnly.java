package io.loligo.cluster.leader;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Skips a scheduled job on a standby, and while the application is not running. */
@Singleton
public class LeaderOnly implements Scheduled.SkipPredicate {
    @Inject
    Leadership leadership;
    @Inject
    Scheduled.ApplicationNotRunning notRunning;

    @Override
    public boolean test(ScheduledExecution execution) {
        return !leadership.isLeader() || notRunning.test(execution);
    }
}
