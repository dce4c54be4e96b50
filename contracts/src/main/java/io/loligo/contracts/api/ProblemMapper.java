package io.loligo.contracts.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Turns every JAX-RS error into {@code application/problem+json}, in each service that serves REST.
 * An error without an explicit reason gets its status name in CamelCase ("NotFound", "Unauthorized").
 */
@Provider
public class ProblemMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception instanceof ApiException api) {
            return respond(api.problem());
        }
        // an answer made whole where the refusal was decided, in a shape of its own (Calamari's)
        if (exception.getResponse().hasEntity()) {
            return exception.getResponse();
        }
        // the JSON body reader wraps what the parser said; the client is told where its JSON broke
        if (exception.getCause() instanceof JsonProcessingException unreadable) {
            return JsonInputProblems.respond(unreadable);
        }
        int status = exception.getResponse().getStatus();
        return respond(Problem.of(status, title(status), reasonFor(status), exception.getMessage()));
    }

    /** Seconds a caller told 503 waits before trying again: long enough for a dependency's restart to be noticed. */
    static final String RETRY_AFTER_SECONDS = "5";

    public static Response respond(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        // whatever is unavailable now may answer soon: every 503 says when to try again
        if (problem.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    static String reasonFor(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known == null) {
            return "Http" + status;
        }
        return Arrays.stream(known.name().split("_"))
                .map(word -> word.charAt(0) + word.substring(1).toLowerCase())
                .collect(Collectors.joining());
    }
}
