package io.loligo.cluster.leader;

import io.loligo.contracts.api.Problem;
import io.quarkus.logging.Log;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A standby passes every call to cluster-service's API on to the leader and its answer back, streams included: so
 * standbys count as ready, Kubernetes sends calls to any instance, and a rolling update never waits on a standby.
 */
@ApplicationScoped
public class StandbyForwarding {
    private static final Duration LEADER_URL_KEPT = Duration.ofSeconds(2);
    /** Per connection, not per message: the proxy's own connections carry their own. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "upgrade", "host");
    /** Marks a call a standby passed on: the instance it reaches answers it or refuses it, and passes it on no further. */
    private static final String FORWARDED = "X-Loligo-Forwarded";
    /** The TLS configuration the services' calls to one another use (quarkus.tls.internal.*), where TLS is on. */
    static final String INTERNAL_TLS = "internal";

    @Inject
    Leadership leadership;
    @Inject
    Vertx vertx;
    @Inject
    TlsConfigurationRegistry tls;

    private HttpClient client;
    private volatile Optional<URI> leaderUrl = Optional.empty();
    private volatile Instant leaderUrlRead = Instant.EPOCH;

    void register(@Observes Router router) {
        HttpClientOptions options = new HttpClientOptions().setKeepAlive(true);
        // a leader advertised at https:// is trusted as the services' own TLS configuration says; its address is a
        // pod's, which a certificate can rarely name, so the configuration may turn host name checks off
        tls.get(INTERNAL_TLS).ifPresent(internal -> options.setTrustOptions(internal.getTrustStoreOptions())
                .setVerifyHost(!internal.getHostnameVerificationAlgorithm().orElse("HTTPS").equalsIgnoreCase("NONE")));
        client = vertx.createHttpClient(options);
        router.route("/internal/*").order(Integer.MIN_VALUE + 100).handler(this::route);
    }

    private void route(RoutingContext context) {
        if (leadership.isLeader()) {
            context.next();
            return;
        }
        HttpServerRequest request = context.request();
        if (request.headers().contains(FORWARDED)) {
            // the instance that passed it on took this one for the leader, which it no longer is: never a loop
            refuse(context, "NoLeader", "the leadership is changing hands: try again in a few seconds");
            return;
        }
        request.pause();
        // the database is read off the event loop
        vertx.<Optional<URI>>executeBlocking(this::leader, false).onComplete(found -> {
            if (found.failed()) {
                Log.warnf("could not read where the leader answers: %s", found.cause().getMessage());
                // nobody can take the lock while the database is away: an instance that led answers reads from what
                // it held when it stepped down, and whatever needs the database says it is away
                if (leadership.ledBefore() && request.method() == HttpMethod.GET) {
                    request.resume();
                    context.next();
                } else {
                    refuse(context, "DatabaseUnavailable", "the database does not answer now; try again in a few seconds");
                }
                return;
            }
            if (found.result().isEmpty()) {
                refuse(context, "NoLeader", "no cluster-service instance leads yet: try again in a few seconds");
                return;
            }
            forward(context, found.result().get());
        });
    }

    private Optional<URI> leader() throws SQLException {
        if (Instant.now().isAfter(leaderUrlRead.plus(LEADER_URL_KEPT))) {
            leaderUrl = leadership.leaderUrl();
            leaderUrlRead = Instant.now();
        }
        return leaderUrl;
    }

    private void forward(RoutingContext context, URI leader) {
        HttpServerRequest request = context.request();
        RequestOptions options = new RequestOptions().setMethod(request.method()).setHost(leader.getHost())
                .setPort(leader.getPort()).setSsl("https".equals(leader.getScheme())).setURI(request.uri()).addHeader(FORWARDED, "1");
        request.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                options.addHeader(header.getKey(), header.getValue());
            }
        });
        Future<HttpClientResponse> answered = client.request(options).compose((HttpClientRequest upstream) -> {
            request.resume();
            return upstream.send(request);
        });
        answered.onSuccess(response -> {
            context.response().setStatusCode(response.statusCode());
            response.headers().forEach(header -> {
                if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                    context.response().putHeader(header.getKey(), header.getValue());
                }
            });
            if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                // a stream, such as the live updates: passed on as it comes
                context.response().setChunked(true);
            }
            response.pipeTo(context.response());
        }).onFailure(failure -> {
            Log.warnf("could not pass a call on to the leader at %s: %s", leader, failure.getMessage());
            leaderUrlRead = Instant.EPOCH;
            refuse(context, "NoLeader", "the leading cluster-service instance does not answer: try again in a few seconds");
        });
    }

    private static void refuse(RoutingContext context, String reason, String detail) {
        if (context.response().headWritten()) {
            context.response().reset();
            return;
        }
        context.response().setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.RETRY_AFTER, "2")
                .end(Json.encode(Problem.of(503, "Service Unavailable", reason, detail)));
    }
}
