package io.loligo.gateway.audit;

import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.RefusalMapper;
import io.loligo.contracts.api.RequestView;
import io.loligo.contracts.refusal.Unavailable;
import io.loligo.gateway.rest.HttpMethods;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.Principal;
import java.time.Instant;

/**
 * Writes every unsafe request the API answers to the audit log: accepted, refused (a missing login, a role, bad
 * input) or failed. A logged-in caller's request is written before its endpoint runs, as {@code started}, and
 * completed with its outcome after: no mutation runs unrecorded, and when the entry cannot be written the request is
 * refused with a 503 and nothing happens. A request refused before that (no login, no XSRF token) changed nothing;
 * its entry is written afterwards, and anonymous ones only as samples ({@link AuditLog#recordRefusal}).
 */
@Provider
// the REST clients read their answers through interceptors too; theirs are no requests to audit
@ConstrainedTo(RuntimeType.SERVER)
public class AuditFilter implements ReaderInterceptor {
    private static final String BODY_PROPERTY = "loligo.audit.body";
    private static final String ENTRY_PROPERTY = "loligo.audit.entry";

    @Inject
    AuditLog auditLog;
    @Inject
    ManagedExecutor executor;
    @Inject
    CurrentIdentityAssociation identities;

    /** Keeps a copy of the body as the endpoint reads it: only the endpoint knows whether it has one. */
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readAllBytes();
        context.setProperty(BODY_PROPERTY, body);
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** Before a logged-in caller's mutation runs: its entry, or a 503 when the log cannot take one. */
    @ServerRequestFilter
    public Uni<Response> recordBefore(ContainerRequestContext request, HttpServerRequest http) {
        if (HttpMethods.isSafe(request.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().onFailure().recoverWithNull().flatMap(identity -> {
            if (identity == null || identity.isAnonymous()) {
                return Uni.createFrom().nullItem();
            }
            AuditEntryEntity entry = entry(request, http, identity.getPrincipal());
            return Uni.createFrom().item(() -> {
                try {
                    auditLog.start(entry);
                    request.setProperty(ENTRY_PROPERTY, entry.id);
                    return (Response) null;
                } catch (RuntimeException e) {
                    Log.errorf(e, "refused %s %s of %s: the audit log cannot take its entry", entry.method, entry.path, entry.username);
                    return RefusalMapper.respond(new Unavailable("AuditUnavailable",
                            "the audit log cannot record this change now, so it was not made; try again shortly"));
                }
            }).runSubscriptionOn(executor);
        });
    }

    @ServerResponseFilter
    public Uni<Void> recordAfter(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        if (HttpMethods.isSafe(request.getMethod())) {
            return Uni.createFrom().voidItem();
        }
        Long started = (Long) request.getProperty(ENTRY_PROPERTY);
        AuditEntryEntity entry = entry(request, http, request.getSecurityContext().getUserPrincipal());
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
            try {
                if (started != null) {
                    auditLog.complete(started, entry);
                } else {
                    auditLog.recordRefusal(entry);
                }
            } catch (RuntimeException e) {
                // the change, if any, is recorded as started: the answer is the caller's all the same
                Log.errorf(e, "could not write the outcome of %s %s (%d) to the audit log", entry.method, entry.path, entry.status);
            }
            return (Void) null;
        }).runSubscriptionOn(executor);
    }

    private static AuditEntryEntity entry(ContainerRequestContext request, HttpServerRequest http, Principal principal) {
        AuditEntryEntity entry = new AuditEntryEntity();
        entry.at = Instant.now();
        entry.username = principal == null || principal.getName().isEmpty() ? null : principal.getName();
        SocketAddress remote = http.remoteAddress();
        entry.source = remote == null ? "unknown" : remote.hostAddress();
        entry.method = request.getMethod();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        entry.path = request.getUriInfo().getPath() + (query == null ? "" : "?" + query);
        entry.status = 0;
        entry.outcome = AuditView.STARTED;
        return entry;
    }
}
