package io.loligo.gateway.audit;

import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.RequestView;
import io.loligo.gateway.rest.HttpMethods;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.Principal;
import java.time.Instant;

/**
 * Writes every unsafe request the API answers to the audit log: accepted, refused (a missing login, a role, bad
 * input) or failed. The answer waits for the entry, so that no mutation happens unrecorded.
 */
@Provider
// the REST clients read their answers through interceptors too; theirs are no requests to audit
@ConstrainedTo(RuntimeType.SERVER)
public class AuditFilter implements ReaderInterceptor {
    private static final String BODY_PROPERTY = "loligo.audit.body";

    @Inject
    AuditLog auditLog;
    @Inject
    ManagedExecutor executor;

    /** Keeps a copy of the body as the endpoint reads it: only the endpoint knows whether it has one. */
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readAllBytes();
        context.setProperty(BODY_PROPERTY, body);
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        if (HttpMethods.isSafe(request.getMethod())) {
            return Uni.createFrom().voidItem();
        }
        AuditEntryEntity entry = new AuditEntryEntity();
        entry.at = Instant.now();
        Principal principal = request.getSecurityContext().getUserPrincipal();
        entry.username = principal == null || principal.getName().isEmpty() ? null : principal.getName();
        SocketAddress remote = http.remoteAddress();
        entry.source = remote == null ? "unknown" : remote.hostAddress();
        entry.method = request.getMethod();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        entry.path = request.getUriInfo().getPath() + (query == null ? "" : "?" + query);
        entry.body = AuditBodies.kept((byte[]) request.getProperty(BODY_PROPERTY));
        entry.status = response.getStatus();
        entry.outcome = AuditView.outcomeOf(entry.status);
        if (response.getEntity() instanceof Problem problem) {
            entry.reason = problem.reason();
        } else if (response.getEntity() instanceof RequestView.Accepted accepted) {
            entry.requestId = accepted.requestId();
        }
        // a request refused before its endpoint ran is answered on an I/O thread, which must not wait for the database
        return Uni.createFrom().item(() -> {
            auditLog.record(entry);
            return (Void) null;
        }).runSubscriptionOn(executor);
    }
}
