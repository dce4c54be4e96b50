package io.loligo.gateway.inventory;

import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.Problem;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Passes a backing service's problem on to our caller unchanged, instead of a generic client error. */
public class UpstreamProblems implements ResponseExceptionMapper<ApiException> {

    @Override
    public ApiException toThrowable(Response response) {
        int status = response.getStatus();
        try {
            Problem problem = response.readEntity(Problem.class);
            if (problem != null && problem.reason() != null) {
                return new ApiException(status, problem.reason(), problem.detail(), problem.errors());
            }
        } catch (RuntimeException unreadable) {
            // not a problem body: fall through to a generic one
        }
        return new ApiException(status >= 500 ? 502 : status, "BackendError",
                "cluster-service answered HTTP " + status);
    }
}
