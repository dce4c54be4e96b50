package io.loligo.gateway.rest;

import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.ProblemMapper;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import io.vertx.core.http.HttpClosedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Security failures and unreachable services as problems, like every other error. */
public class SecurityProblems {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return ProblemMapper.respond(Problem.of(401, "Unauthorized", "NotAuthenticated",
                "log in with POST /api/v3/auth/login first, or send an API token as Authorization: Bearer"));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return ProblemMapper.respond(Problem.of(401, "Unauthorized", "CredentialsRejected",
                e.getMessage() == null ? "log in again" : e.getMessage() + "; log in again"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemMapper.respond(Problem.of(403, "Forbidden", "RoleNotAllowed", "your role does not allow this"));
    }

    /** Refused, or cut while answering (the service went away in the middle of a call): the same to the caller. */
    @ServerExceptionMapper({ProcessingException.class, HttpClosedException.class})
    public Response upstreamUnreachable(Exception e) {
        Log.warnf("a backing service did not answer: %s", e.getMessage());
        return ProblemMapper.respond(Problem.of(503, "Service Unavailable", "BackendUnavailable",
                "cluster-service does not answer; try again shortly"));
    }
}
