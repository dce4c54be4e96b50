package io.loligo.gateway.user;

import io.loligo.contracts.api.KeptBriefly;
import io.loligo.gateway.auth.Callers;
import io.loligo.gateway.kept.KeptForCaller;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.user.UserForms.TokenForm;
import io.loligo.gateway.user.UserForms.TokenView;
import io.loligo.gateway.user.UserForms.UserForm;
import io.loligo.gateway.user.UserForms.UserView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * Calamari's {@code /api/v2/user}, with roles and API tokens. {@code {id}} may be {@code me}. Everyone reaches their
 * own account; administrators reach every account.
 */
@Path(ApiPaths.V3 + "/user")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
    @Inject
    Users users;
    @Inject
    Callers callers;

    @KeptBriefly
    @GET
    @RolesAllowed(Roles.ADMINISTRATOR)
    public List<UserView> list() {
        return users.list();
    }

    @POST
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(UserForm form, @Context UriInfo uri) {
        UserView created = users.create(form, callers.current());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @KeptForCaller
    @GET
    @Path("/{id}")
    public UserView get(@PathParam("id") String id) {
        return users.get(id, callers.current());
    }

    /** An e-mail address, a password (your own needs {@code old_password} too), or, for administrators, a role. */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView update(@PathParam("id") String id, UserForm form) {
        return users.update(id, form, callers.current(), callers.source());
    }

    /** As {@code PATCH}, for Calamari's clients, which changed passwords with {@code PUT}. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView replace(@PathParam("id") String id, UserForm form) {
        return users.update(id, form, callers.current(), callers.source());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMINISTRATOR)
    public Response delete(@PathParam("id") String id) {
        users.delete(id, callers.current());
        return Response.noContent().build();
    }

    @KeptForCaller
    @GET
    @Path("/{id}/token")
    public List<TokenView> tokens(@PathParam("id") String id) {
        return users.tokens(id, callers.current());
    }

    /** The answer holds the token itself, once: it is not stored, and cannot be shown again. */
    @POST
    @Path("/{id}/token")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createToken(@PathParam("id") String id, TokenForm form) {
        return Response.status(Response.Status.CREATED).entity(users.createToken(id, form, callers.current())).build();
    }

    @DELETE
    @Path("/{id}/token/{token_id}")
    public Response revokeToken(@PathParam("id") String id, @PathParam("token_id") String tokenId) {
        users.revokeToken(id, tokenId, callers.current());
        return Response.noContent().build();
    }
}
