package io.loligo.gateway.kept;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Brings a due kept answer anew without making anyone wait for it: the read that found it due is given the answer
 * kept, and the same read is sent again, from here, to this gateway, with its caller's credentials, so that it passes
 * the same login, role checks and filters and its answer is kept as any other. A reread is marked with a secret of
 * this process, which no caller can send: only it may pass what is kept.
 * <p>
 * An agent's answer (usage, a monitor's status, the cluster log) takes a second on a busy host; a poller found it due
 * every second and waited that second.
 */
@ApplicationScoped
public class BackgroundRereads {
    static final String HEADER = "X-Loligo-Reread";
    /** What makes an answer conditional, or belongs to the caller's connection: a reread brings the whole answer. */
    private static final Set<String> NOT_REPEATED = Set.of("if-none-match", "if-modified-since", "connection", "keep-alive",
            "content-length", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection", HEADER.toLowerCase(Locale.ROOT));

    private final byte[] secret = newSecret();
    private final String mark = new String(secret, StandardCharsets.US_ASCII);
    private volatile HttpClient client;

    @Inject
    Vertx vertx;

    /** @return whether this read is a reread sent from here */
    public boolean isReread(ContainerRequestContext request) {
        String sent = request.getHeaderString(HEADER);
        return sent != null && MessageDigest.isEqual(secret, sent.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Sends the read being answered again, in the background, to the address it came to.
     *
     * @return false when it cannot be sent again: the caller's read must bring the answer itself
     */
    public boolean reread() {
        ResteasyReactiveRequestContext current = CurrentRequestManager.get();
        HttpServerRequest http = current == null ? null : current.serverRequest().unwrap(HttpServerRequest.class);
        // over TLS the gateway would have to trust its own certificate under a name it may not have
        SocketAddress here = http == null || http.isSSL() ? null : http.localAddress();
        if (here == null || here.port() <= 0) {
            return false;
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setServer(here).setURI(http.uri());
        for (Map.Entry<String, String> header : http.headers()) {
            if (!NOT_REPEATED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                options.addHeader(header.getKey(), header.getValue());
            }
        }
        options.putHeader(HEADER, mark);
        client().request(options)
                .compose(reread -> reread.send().compose(HttpClientResponse::body))
                .onFailure(failure -> Log.debugf("a reread of %s failed: %s", http.uri(), failure.getMessage()));
        return true;
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(4).setKeepAlive(true));
                }
                current = client;
            }
        }
        return current;
    }

    void close(@Observes ShutdownEvent shutdown) {
        if (client != null) {
            client.close();
        }
    }

    private static byte[] newSecret() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.US_ASCII);
    }
}
