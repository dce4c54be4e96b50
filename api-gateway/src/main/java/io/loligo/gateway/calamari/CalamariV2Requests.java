package io.loligo.gateway.calamari;

import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.KeptUntilChanged;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.RequestView;
import io.loligo.gateway.inventory.RequestResource;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.util.function.Function;

/**
 * Calamari's requests: newest first, ten to a page, {@code ?state=} {@code submitted} or {@code complete}. Loligo's
 * queued requests are submitted here, and its failed or cancelled ones complete with {@code error}: a Calamari
 * client waits for {@code complete}, then reads {@code error}.
 */
@Path(ApiPaths.CALAMARI_V2)
@Produces(MediaType.APPLICATION_JSON)
public class CalamariV2Requests {
    @Inject
    RequestResource requests;

    @KeptUntilChanged
    @GET
    @Path("/request")
    public DjangoPages.CalamariPage<CalamariViews.Request> requests(@QueryParam("state") String state, @QueryParam("page") String page,
                                                                    @QueryParam("page_size") String pageSize, @Context UriInfo uri) {
        return paged(page, pageSize, uri, wanted -> requests.requests(CalamariShapes.requestStates(state),
                wanted.pageParameter(), wanted.sizeParameter()));
    }

    @KeptUntilChanged
    @GET
    @Path("/request/{id}")
    public CalamariViews.Request request(@PathParam("id") String id) {
        return CalamariShapes.request(requests.request(id));
    }

    /** Stops a request that has not ended, and answers it as it now is; one that has ended is left as it is, as in Calamari. */
    @POST
    @Path("/request/{id}/cancel")
    @RolesAllowed(Roles.OPERATOR)
    public CalamariViews.Request cancel(@PathParam("id") String id) {
        try {
            return CalamariShapes.request(requests.cancel(id));
        } catch (ApiException ended) {
            if (ended.getResponse().getStatus() != 409) {
                throw ended;
            }
            return CalamariShapes.request(requests.request(id));
        }
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/request")
    public DjangoPages.CalamariPage<CalamariViews.Request> clusterRequests(@PathParam("fsid") String fsid, @QueryParam("state") String state,
                                                                           @QueryParam("page") String page,
                                                                           @QueryParam("page_size") String pageSize, @Context UriInfo uri) {
        return paged(page, pageSize, uri, wanted -> requests.clusterRequests(fsid, CalamariShapes.requestStates(state),
                wanted.pageParameter(), wanted.sizeParameter()));
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/request/{id}")
    public CalamariViews.Request clusterRequest(@PathParam("fsid") String fsid, @PathParam("id") String id) {
        return CalamariShapes.request(requests.clusterRequest(fsid, id));
    }

    private static DjangoPages.CalamariPage<CalamariViews.Request> paged(String page, String pageSize, UriInfo uri,
                                                                         Function<DjangoPages.Wanted, Page<RequestView>> read) {
        DjangoPages.Wanted wanted = DjangoPages.wanted(page, pageSize);
        return DjangoPages.of(read.apply(wanted), wanted, uri.getRequestUri(), CalamariShapes::request);
    }
}
