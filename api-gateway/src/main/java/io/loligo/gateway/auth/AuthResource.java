package io.loligo.gateway.auth;

import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.ProblemMapper;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.gateway.config.GatewayConfig;
import io.loligo.gateway.rest.ApiPaths;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response.ResponseBuilder;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Logging in to a session, in the flow Calamari's clients knew: {@code GET} hands out an XSRF cookie, {@code POST}
 * with the credentials opens a session (cookie {@value TokenAuthenticationMechanism#SESSION_COOKIE}) and a
 * session-bound XSRF token, which every later unsafe request echoes in {@code X-XSRF-TOKEN}. The Calamari faces log
 * in through the same cookies.
 */
@Path(ApiPaths.V3 + "/auth")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    static final String XSRF_COOKIE = "XSRF-TOKEN";

    @Inject
    Sessions sessions;
    @Inject
    GatewayConfig config;
    @Inject
    HttpServerRequest http;

    public record Credentials(String username, String password) {
    }

    public record LoggedIn(String username, String role) {
    }

    @GET
    @Path("/login")
    public Response loginForm() {
        return withXsrfCookie(Response.ok(Map.of())).build();
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(Credentials credentials) {
        List<FieldError> errors = new ArrayList<>();
        if (credentials == null || credentials.username() == null || credentials.username().isBlank()) {
            errors.add(new FieldError("username", "is required"));
        }
        if (credentials == null || credentials.password() == null || credentials.password().isEmpty()) {
            errors.add(new FieldError("password", "is required"));
        }
        InvalidInput.refuseIfAny(errors);
        Sessions.Outcome outcome = sessions.login(credentials.username(), credentials.password(), Callers.sourceOf(http));
        if (outcome instanceof Sessions.Throttled throttled) {
            return throttled(throttled);
        }
        if (!(outcome instanceof Sessions.Opened session)) {
            throw new ApiException(401, "BadCredentials", "unknown user name or wrong password");
        }
        return withSession(Response.ok(new LoggedIn(session.user().username, session.user().role.roleName())), session).build();
    }

    /** Only by {@code POST}: a link another site shows must not end a session. Calamari's faces also take {@code GET}. */
    @POST
    @Path("/logout")
    public Response logout(@CookieParam(TokenAuthenticationMechanism.SESSION_COOKIE) String token) {
        return loggedOut(token, Response.ok(Map.of())).build();
    }

    /** A fresh XSRF cookie, for the page that is about to log in. */
    public ResponseBuilder withXsrfCookie(ResponseBuilder response) {
        return response.cookie(cookie(XSRF_COOKIE, Secrets.token(), -1, false));
    }

    /** The cookies of a session just opened: the session itself, and the XSRF token bound to it. */
    public ResponseBuilder withSession(ResponseBuilder response, Sessions.Opened session) {
        int maxAge = (int) config.sessionLifetime().toSeconds();
        return response.cookie(cookie(TokenAuthenticationMechanism.SESSION_COOKIE, session.token(), maxAge, true),
                cookie(XSRF_COOKIE, session.xsrfToken(), maxAge, false));
    }

    /** Ends the session the cookie names, if any, and clears both cookies. */
    public ResponseBuilder loggedOut(String token, ResponseBuilder response) {
        if (token != null && !token.isBlank()) {
            sessions.logout(token);
        }
        return response.cookie(cookie(TokenAuthenticationMechanism.SESSION_COOKIE, "", 0, true), cookie(XSRF_COOKIE, "", 0, false));
    }

    /** A 429 that says when to come back, in the header as well as in words. */
    public static Response throttled(Sessions.Throttled throttled) {
        long seconds = Math.max(1, Duration.between(Instant.now(), throttled.until()).toSeconds() + 1);
        Problem problem = switch (throttled.holdback()) {
            case NAME_LOCKED -> Problem.of(429, "Too Many Requests", "AccountLocked",
                    "too many failed logins: this user name is locked until " + throttled.until());
            case NAME_WAIT -> Problem.of(429, "Too Many Requests", "LoginThrottled",
                    "too many failed logins: try again in " + seconds + " s");
            case SOURCE_WAIT -> Problem.of(429, "Too Many Requests", "SourceThrottled",
                    "too many failed logins from your address: try again in " + seconds + " s");
            case BUSY -> Problem.of(429, "Too Many Requests", "LoginBusy",
                    "too many logins are being checked right now: try again in " + seconds + " s");
        };
        return Response.fromResponse(ProblemMapper.respond(problem)).header("Retry-After", seconds).build();
    }

    /**
     * The XSRF cookie must stay readable by the page's script, which copies it into the header. Both are Secure when
     * the request came over HTTPS (as the gateway's own listener, or a proxy it trusts, says) or when configured so.
     */
    private NewCookie cookie(String name, String value, int maxAge, boolean httpOnly) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).httpOnly(httpOnly)
                .secure(config.secureCookies() || "https".equals(http.scheme())).sameSite(NewCookie.SameSite.LAX).build();
    }
}
