package io.loligo.metrics.influx;

import io.loligo.metrics.config.MetricsConfig;
import io.loligo.metrics.query.Rollup;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Pong;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

import java.util.concurrent.TimeUnit;

/** The one InfluxDB client of the service, and the database it writes to. */
@ApplicationScoped
public class InfluxConnection {
    private final MetricsConfig.Influx config;
    private final MetricsConfig.Retention retention;
    private final InfluxDB influx;
    private boolean schemaInPlace;

    @Inject
    public InfluxConnection(MetricsConfig config) {
        this.config = config.influx();
        this.retention = config.retention();
        long timeout = this.config.timeout().toMillis();
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS);
        this.influx = this.config.username().isEmpty()
                ? InfluxDBFactory.connect(this.config.url(), http)
                : InfluxDBFactory.connect(this.config.url(), this.config.username().get(),
                        this.config.password().orElse(""), http);
    }

    void onStart(@Observes StartupEvent event) {
        try {
            ensureSchema();
        } catch (InfluxDBException | IllegalStateException e) {
            // InfluxDB may come up after us: readiness reports it, and the database is created once it answers
            Log.warnf("InfluxDB at %s is not reachable yet: %s", config.url(), e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        influx.close();
    }

    /**
     * The database, its retention policies and the continuous queries that roll raw points up. Set up once; again
     * after {@link #schemaLost()}.
     *
     * @throws IllegalStateException when InfluxDB refuses, as a freshly started one does for a moment: the client
     *                               reports that only in the result
     */
    public synchronized void ensureSchema() {
        if (schemaInPlace) {
            return;
        }
        run("CREATE DATABASE \"" + config.database() + "\"");
        for (Rollup rollup : Rollup.values()) {
            String policy = "RETENTION POLICY \"" + rollup.retentionPolicy() + "\" ON \"" + config.database() + "\" DURATION "
                    + rollup.keptFor(retention).toHours() + "h REPLICATION 1" + (rollup == Rollup.RAW ? " DEFAULT" : "");
            try {
                run("CREATE " + policy);
            } catch (IllegalStateException e) {
                // it exists with other settings: the configured ones win
                run("ALTER " + policy.replace(" REPLICATION 1", ""));
            }
            if (rollup != Rollup.RAW) {
                ensureRollupQuery(rollup);
            }
        }
        schemaInPlace = true;
        Log.infof("InfluxDB database %s is ready, raw points kept %s, rollups %s and %s", config.database(),
                retention.raw(), retention.fiveMinutes(), retention.oneHour());
    }

    /** InfluxDB no longer has the database, as after its data was wiped: the next {@link #ensureSchema()} sets it up. */
    public synchronized void schemaLost() {
        schemaInPlace = false;
    }

    /** Dropped and created again, as a continuous query cannot be altered and the database may have an older one. */
    private void ensureRollupQuery(Rollup rollup) {
        String name = "\"loligo_" + rollup.retentionPolicy() + "\" ON \"" + config.database() + "\"";
        try {
            run("DROP CONTINUOUS QUERY " + name);
        } catch (IllegalStateException e) {
            // there was none
        }
        run("CREATE CONTINUOUS QUERY " + name + " BEGIN SELECT mean(*), max(*), min(*) INTO \"" + config.database() + "\".\""
                + rollup.retentionPolicy() + "\".:MEASUREMENT FROM \"" + config.database() + "\".\"" + Rollup.RAW.retentionPolicy()
                + "\"./.*/ GROUP BY time(" + rollup.step().toMinutes() + "m), * END");
    }

    /**
     * Writes points in line protocol, with timestamps in seconds, into the raw retention policy.
     *
     * @throws InfluxDBException when InfluxDB did not store them; {@link InfluxDBException#isRetryWorth()} tells
     *                           whether trying again can help
     */
    public void write(String lines) {
        influx.write(config.database(), Rollup.RAW.retentionPolicy(), InfluxDB.ConsistencyLevel.ONE, TimeUnit.SECONDS, lines);
    }

    /** An InfluxQL read, with times in epoch seconds. */
    public QueryResult query(String influxQl) {
        return influx.query(new Query(influxQl, config.database()), TimeUnit.SECONDS);
    }

    /** @throws IllegalStateException with InfluxDB's error, which the client reports only in the result */
    private void run(String statement) {
        QueryResult result = influx.query(new Query(statement, null, true));
        if (result.hasError() || result.getResults().stream().anyMatch(QueryResult.Result::hasError)) {
            String error = result.hasError() ? result.getError()
                    : result.getResults().stream().filter(QueryResult.Result::hasError).findFirst().orElseThrow().getError();
            throw new IllegalStateException("InfluxDB refused " + statement + ": " + error);
        }
    }

    /** The server's version, or an exception when it does not answer. */
    public String ping() {
        Pong pong = influx.ping();
        if (!pong.isGood()) {
            throw new IllegalStateException("InfluxDB at " + config.url() + " does not answer");
        }
        return pong.getVersion();
    }

    public String database() {
        return config.database();
    }
}
