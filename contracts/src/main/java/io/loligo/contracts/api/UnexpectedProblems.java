package io.loligo.contracts.api;

import io.loligo.contracts.failure.DatabaseUnreachable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Every error no other mapper claims, in every service that serves REST, as problem+json: a database that cannot be
 * reached now (down, restarting, or every pooled connection taken) is a 503, which says when to try again, since the
 * call may well work in a few seconds; anything else is a 500 whose id is in the log beside the stack trace, never the
 * framework's own page.
 */
@Provider
public class UnexpectedProblems implements ExceptionMapper<Exception> {
    private static final Logger LOG = Logger.getLogger(UnexpectedProblems.class);

    @Override
    public Response toResponse(Exception exception) {
        if (DatabaseUnreachable.caused(exception)) {
            LOG.warnf("the database cannot be reached: %s", rootMessage(exception));
            return ProblemMapper.respond(Problem.of(503, "Service Unavailable", "DatabaseUnavailable",
                    "the database does not answer now; try again in a few seconds"));
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(exception, "error %s", id);
        return ProblemMapper.respond(Problem.of(500, "Internal Server Error", "InternalError",
                "an error this service did not expect; its log has the details under id " + id));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
