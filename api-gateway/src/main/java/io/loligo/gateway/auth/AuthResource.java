package io.loligo.gateway.auth;

import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.ProblemMapper;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.gateway.config.GatewayConfig;
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
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calamari's session login: {@code GET} hands out an XSRF cookie, {@code POST} with the credentials opens a session
 * (cookie {@value TokenAuthenticationMechanism#SESSION_COOKIE}) and a session-bound XSRF token, which every later
 * unsafe request echoes in {@code X-XSRF-TOKEN}.
 */
@Path("/api/v2/auth")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    static final String XSRF_COOKIE = "XSRF-TOKEN";

    @Inject
    Sessions sessions;
    @Inject
    GatewayConfig config;

    public record Credentials(String username, String password) {
    }

    public record LoggedIn(String username, String role) {
    }

    @GET
    @Path("/login")
    public Response loginForm() {
        return Response.ok(Map.of()).cookie(cookie(XSRF_COOKIE, Secrets.token(), -1, false)).build();
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
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Sessions.Outcome outcome = sessions.login(credentials.username(), credentials.password());
        if (outcome instanceof Sessions.Throttled throttled) {
            return throttled(throttled);
        }
        if (!(outcome instanceof Sessions.Opened session)) {
            throw new ApiException(401, "BadCredentials", "unknown user name or wrong password");
        }
        int maxAge = (int) config.sessionLifetime().toSeconds();
        return Response.ok(new LoggedIn(session.user().username, session.user().role.roleName()))
                .cookie(cookie(TokenAuthenticationMechanism.SESSION_COOKIE, session.token(), maxAge, true),
                        cookie(XSRF_COOKIE, session.xsrfToken(), maxAge, false))
                .build();
    }

    /** A 429 that says when to come back, in the header as well as in words. */
    private static Response throttled(Sessions.Throttled throttled) {
        long seconds = Math.max(1, Duration.between(Instant.now(), throttled.until()).toSeconds() + 1);
        Problem problem = throttled.locked()
                ? Problem.of(429, "Too Many Requests", "AccountLocked",
                        "too many failed logins: this user name is locked until " + throttled.until())
                : Problem.of(429, "Too Many Requests", "LoginThrottled",
                        "too many failed logins: try again in " + seconds + " s");
        return Response.fromResponse(ProblemMapper.respond(problem)).header("Retry-After", seconds).build();
    }

    /** POST is the rule; GET is tolerated, as Calamari did, for old clients. */
    @POST
    @Path("/logout")
    public Response logout(@CookieParam(TokenAuthenticationMechanism.SESSION_COOKIE) String token) {
        if (token != null && !token.isBlank()) {
            sessions.logout(token);
        }
        return Response.ok(Map.of())
                .cookie(cookie(TokenAuthenticationMechanism.SESSION_COOKIE, "", 0, true), cookie(XSRF_COOKIE, "", 0, false))
                .build();
    }

    @GET
    @Path("/logout")
    public Response logoutByGet(@CookieParam(TokenAuthenticationMechanism.SESSION_COOKIE) String token) {
        return logout(token);
    }

    /** The XSRF cookie must stay readable by the page's script, which copies it into the header. */
    private NewCookie cookie(String name, String value, int maxAge, boolean httpOnly) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).httpOnly(httpOnly)
                .secure(config.secureCookies()).sameSite(NewCookie.SameSite.LAX).build();
    }
}
