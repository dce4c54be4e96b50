package io.loligo.gateway.audit;

import io.loligo.contracts.api.KeptBriefly;
import io.loligo.contracts.api.Page;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The audit log, newest first, for administrators. Filters: {@code user}, {@code method}, {@code path} (a prefix),
 * {@code outcome} (succeeded, refused, failed), {@code since} and {@code until} (ISO-8601); pages of
 * {@code page_size} (100 by default).
 */
@Path(ApiPaths.V3 + "/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMINISTRATOR)
public class AuditResource {
    @Inject
    AuditLog auditLog;

    @KeptBriefly
    @GET
    public Page<AuditView> entries(@QueryParam("user") String user, @QueryParam("method") String method,
                                   @QueryParam("path") String path, @QueryParam("outcome") String outcome,
                                   @QueryParam("since") String since, @QueryParam("until") String until,
                                   @QueryParam("page") String page, @QueryParam("page_size") String pageSize) {
        return auditLog.query(user, method, path, outcome, since, until, page, pageSize);
    }
}
