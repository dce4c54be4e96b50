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

    void register(@Observes Router router) {
        router.getWithRegex(CONSOLE_PATHS).handler(context -> context.reroute("/index.html"));
    }
}
