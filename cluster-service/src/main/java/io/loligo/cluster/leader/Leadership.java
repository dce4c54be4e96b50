package io.loligo.cluster.leader;

import io.agroal.api.AgroalDataSource;
import io.loligo.contracts.host.LocalHost;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One cluster-service instance works at a time: the one holding a PostgreSQL advisory lock, which the database
 * releases when that instance's session ends, however it ends. It writes where it answers, and the others wait as
 * standbys that consume nothing from the broker, pass every call on to it ({@link StandbyForwarding}) and try for
 * the lock every {@code loligo.leadership.check-interval}. A leader that can no longer show it holds the lock (its
 * database session ended: PostgreSQL restarted, or the network between them failed) stops acting at once, since a
 * second leader may already be working, and goes on as a standby, trying for the lock again until the database
 * answers. It never exits for it.
 */
@ApplicationScoped
public class Leadership {
    /** The channels only the leader consumes: heartbeats come to every subscriber, replies to any of them. */
    static final List<String> LEADER_CHANNELS = List.of("heartbeats", "replies");
    /** "LOLIGO" in ASCII: the advisory lock's key, the same in every instance that shares the database. */
    static final long LOCK_KEY = 0x4C4F4C49474FL;
    private static final int STILL_HELD_TIMEOUT_SECONDS = 2;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ChannelRegistry channels;
    @Inject
    Event<BecameLeader> becameLeader;
    @Inject
    LeadershipConfig config;
    @ConfigProperty(name = "quarkus.http.port")
    int httpPort;

    private volatile Connection lockSession;
    private volatile boolean ledBefore;

    /** Fired once this instance holds the lock, before it consumes anything: the time to load what the last leader left. */
    public record BecameLeader() {
    }

    public boolean isLeader() {
        return lockSession != null;
    }

    void onStart(@Observes StartupEvent startup) {
        tryToLead();
        if (!isLeader()) {
            Log.info("another cluster-service instance leads: this one waits as a standby");
        }
    }

    @Scheduled(every = "${loligo.leadership.check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        if (!isLeader()) {
            tryToLead();
        } else if (!stillHeld()) {
            stepDown();
        }
    }

    /** Stops consuming first: from here on, whatever another leader does is not done twice. */
    private synchronized void stepDown() {
        Connection lost = lockSession;
        lockSession = null;
        LEADER_CHANNELS.forEach(channel -> channels.getPausable(channel).pause());
        close(lost);
        Log.error("lost the leadership lock (the database session ended): acting no more, as a standby, until the lock is"
                + " taken again");
    }

    synchronized void tryToLead() {
        if (isLeader()) {
            return;
        }
        Connection session = null;
        try {
            session = dataSource.getConnection();
            session.setAutoCommit(true);
            if (lockTaken(session)) {
                advertise(session);
                lockSession = session;
                ledBefore = true;
                becameLeader.fire(new BecameLeader());
                LEADER_CHANNELS.forEach(channel -> channels.getPausable(channel).resume());
                Log.info("this instance leads cluster-service");
                return;
            }
        } catch (SQLException e) {
            Log.warnf("could not ask the database for the leadership lock: %s", e.getMessage());
        }
        close(session);
    }

    /**
     * The leader's address, as it wrote it when it took the lock, for standbys to pass calls on to.
     *
     * @throws SQLException when the database does not answer
     */
    public Optional<URI> leaderUrl() throws SQLException {
        try (Connection session = dataSource.getConnection();
             PreparedStatement statement = session.prepareStatement("select url from leadership where id = 1");
             ResultSet result = statement.executeQuery()) {
            return result.next() ? Optional.of(URI.create(result.getString(1))) : Optional.empty();
        }
    }

    /** Whether this instance has led since it started, and so holds the cluster state it last knew. */
    public boolean ledBefore() {
        return ledBefore;
    }

    private void advertise(Connection session) throws SQLException {
        String url = config.advertisedUrl().orElseGet(() -> "http://" + LocalHost.fqdn() + ":" + httpPort);
        try (PreparedStatement statement = session.prepareStatement("insert into leadership (id, url, since) values (1, ?, now())"
                + " on conflict (id) do update set url = excluded.url, since = excluded.since")) {
            statement.setString(1, url);
            statement.executeUpdate();
        }
        Log.infof("this instance answers at %s", url);
    }

    /** A session-level advisory lock lasts as long as its session: the session answering is the lock held. */
    private boolean stillHeld() {
        try {
            return lockSession.isValid(STILL_HELD_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean lockTaken(Connection session) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        close(lockSession);
        lockSession = null;
    }

    private static void close(Connection session) {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException e) {
                Log.debugf("closing the leadership session: %s", e.getMessage());
            }
        }
    }
}
