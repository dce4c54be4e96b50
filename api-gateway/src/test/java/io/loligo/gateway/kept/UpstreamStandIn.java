package io.loligo.gateway.kept;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's reads of an upstream service, in the tests alone: the gateway calls its own {@link Upstream} through
 * a REST client, as it calls cluster-service.
 */
@Path("/api/v3/test-upstream")
public class UpstreamStandIn {
    /** Spaced as Jackson never writes it, and with a key twice, which a caller's body may not have. */
    static final String ANSWER = "{ \"name\" : \"first\",  \"name\" : \"upstream\", \"size\" : 1 }";

    /** Outside Loligo's API, as cluster-service's own is. */
    @Path("/test-upstream")
    public static class Upstream {
        @GET
        @PermitAll
        @Produces(MediaType.APPLICATION_JSON)
        public String answer() {
            return ANSWER;
        }
    }

    @Path("/test-upstream")
    @RegisterProvider(UpstreamAnswers.class)
    public interface Client {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        Map<String, Object> answer();
    }

    @Context
    UriInfo uri;

    @GET
    @Path("/passed-on")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> passedOn() {
        return upstream().answer();
    }

    @GET
    @Path("/changed")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> changed() {
        Map<String, Object> changed = new LinkedHashMap<>(upstream().answer());
        changed.put("size", 2);
        return changed;
    }

    private Client upstream() {
        return QuarkusRestClientBuilder.newBuilder().baseUri(uri.getBaseUri()).build(Client.class);
    }
}
