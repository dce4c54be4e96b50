package io.loligo.contracts.api;

import io.loligo.contracts.refusal.Refusal;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The one place, in every service that serves REST, where the domain's refusals become problems with a status. */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

    @Override
    public Response toResponse(Refusal refusal) {
        return respond(refusal);
    }

    /** For a filter that refuses a request before any resource sees it. */
    public static Response respond(Refusal refusal) {
        return ProblemMapper.respond(problem(refusal));
    }

    public static Problem problem(Refusal refusal) {
        int status = status(refusal.kind());
        return new Problem("about:blank", ProblemMapper.title(status), status, refusal.reason(), refusal.getMessage(),
                refusal.errors());
    }

    static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> 400;
            case NOT_ALLOWED -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case LIMIT_REACHED -> 429;
            case DEPENDENCY_FAILED -> 502;
            case UNAVAILABLE -> 503;
            case DEPENDENCY_TIMED_OUT -> 504;
        };
    }
}
