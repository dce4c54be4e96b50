package io.loligo.cluster;

import io.loligo.contracts.api.OsdApi;
import io.loligo.contracts.identity.ServiceTokens;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.time.Instant;

/**
 * The tests call this service's API as the gateway does, signed with the services' secret: set once for every
 * RestAssured call of every test. {@code ServiceCallersTest} calls without it, through a client of its own.
 */
public class SignedCalls implements QuarkusTestBeforeEachCallback, Filter {
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(SignedCalls.class::isInstance)) {
            RestAssured.filters(new SignedCalls());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        URI uri = URI.create(request.getURI());
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        request.header(ServiceTokens.HEADER, ServiceTokens.sign(secret(), request.getMethod(), pathAndQuery,
                request.getHeaders().getValue(OsdApi.REQUESTED_BY), Instant.now()));
        return context.next(request, response);
    }

    /** The test profile's secret. */
    public static byte[] secret() {
        return ServiceTokens.secret(ConfigProvider.getConfig().getValue("loligo.internal.secret", String.class));
    }
}
