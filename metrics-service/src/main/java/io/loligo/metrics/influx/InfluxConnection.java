package io.loligo.metrics.influx;

import io.loligo.metrics.config.MetricsConfig;
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
    private final InfluxDB influx;

    @Inject
    public InfluxConnection(MetricsConfig config) {
        this.config = config.influx();
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
            ensureDatabase();
        } catch (InfluxDBException | IllegalStateException e) {
            // InfluxDB may come up after us: readiness reports it, and the database is created once it answers
            Log.warnf("InfluxDB at %s is not reachable yet: %s", config.url(), e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        influx.close();
    }

    /**
     * Idempotent: CREATE DATABASE on an existing database changes nothing.
     *
     * @throws IllegalStateException when InfluxDB refuses, as a freshly started one does for a moment: the client
     *                               reports that only in the result
     */
    public void ensureDatabase() {
        QueryResult result = influx.query(new Query("CREATE DATABASE \"" + config.database() + "\"", null, true));
        if (result.hasError()) {
            throw new IllegalStateException("InfluxDB did not create database " + config.database() + ": " + result.getError());
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
