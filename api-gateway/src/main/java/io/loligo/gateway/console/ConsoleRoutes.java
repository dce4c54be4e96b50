package io.loligo.gateway.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web console's own paths ({@code /ui/...}) are places in the single-page app, not files: each is answered with
 * the app's page, which then shows the place, so that a link or a reload lands where the URL says. A Vert.x route
 * rather than a REST resource, so that it stays out of the public API and its OpenAPI document.
 */
@ApplicationScoped
public class ConsoleRoutes {
    static final String CONSOLE_PATHS = "/ui(/.*)?";
    /**
     * The console's pages load only what the gateway serves, run no inline script, and are framed by no one. Not
     * on the API's answers, nor Quarkus' own pages (Swagger UI runs an inline script).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String path = context.normalizedPath();
            if (!path.startsWith("/api/") && !path.startsWith("/q/")) {
                context.addHeadersEndHandler(ignored -> context.response().putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY));
            }
            context.next();
        });
        router.getWithRegex(CONSOLE_PATHS).handler(context -> context.reroute("/index.html"));
    }
}
