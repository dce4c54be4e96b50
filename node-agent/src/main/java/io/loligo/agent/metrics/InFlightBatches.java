package io.loligo.agent.metrics;

import io.loligo.contracts.metrics.MetricBatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The batches sent and not yet settled by the broker. A delivery in flight when its connection drops is never
 * settled, neither taken nor refused, so a batch unsettled for too long counts as not taken and goes out again; the
 * broker may then hold it twice, which InfluxDB absorbs, as it keeps one point per series and time. Not thread-safe:
 * only its owner's thread touches it. Pure.
 */
final class InFlightBatches {
    private final List<Sent> sent = new ArrayList<>();

    /** A batch on its way, told apart from an equal one sent later by its identity. */
    static final class Sent {
        private final MetricBatch batch;
        private final Instant at;

        private Sent(MetricBatch batch, Instant at) {
            this.batch = batch;
            this.at = at;
        }

        MetricBatch batch() {
            return batch;
        }
    }

    Sent add(MetricBatch batch, Instant now) {
        Sent entry = new Sent(batch, now);
        sent.add(entry);
        return entry;
    }

    /** Whether the broker's answer counts: false once the batch was already given back as overdue. */
    boolean settle(Sent entry) {
        return sent.remove(entry);
    }

    /** Takes out the batches sent longer than {@code timeout} ago, oldest first. */
    List<MetricBatch> takeOverdue(Instant now, Duration timeout) {
        List<MetricBatch> overdue = new ArrayList<>();
        for (Iterator<Sent> it = sent.iterator(); it.hasNext(); ) {
            Sent entry = it.next();
            if (!entry.at.plus(timeout).isAfter(now)) {
                overdue.add(entry.batch);
                it.remove();
            }
        }
        return overdue;
    }

    int size() {
        return sent.size();
    }
}
