package io.loligo.gateway.calamari;

import io.loligo.contracts.api.KeptBriefly;
import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.gateway.auth.AuthResource;
import io.loligo.gateway.auth.Callers;
import io.loligo.gateway.auth.Sessions;
import io.loligo.gateway.auth.TokenAuthenticationMechanism;
import io.loligo.gateway.info.InfoResource;
import io.loligo.gateway.kept.KeptForCaller;
import io.loligo.gateway.user.Roles;
import io.loligo.gateway.user.UserForms.UserForm;
import io.loligo.gateway.user.UserForms.UserView;
import io.loligo.gateway.user.Users;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Calamari's v1 and v2 shared: its login, the server description, and Django's users (both versions used v1's
 * {@code UserViewSet}). {@link CalamariV1} and {@link CalamariV2Accounts} serve it under their version.
 */
public abstract class CalamariCommon {
    @Inject
    Sessions sessions;
    @Inject
    AuthResource auth;
    @Inject
    InfoResource info;
    @Inject
    Users users;
    @Inject
    Callers callers;
    @Inject
    HttpServerRequest http;

    /** DRF's router root: each resource it routes, by its absolute URL. */
    @GET
    @Path("/")
    public Map<String, String> root(@Context UriInfo uri) {
        String base = uri.getAbsolutePath().toString().replaceAll("/+$", "");
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("user", base + "/user");
        routes.put("cluster", base + "/cluster");
        return routes;
    }

    /** Hands out the XSRF cookie the login page sends back in its header. Calamari's routes took a trailing slash. */
    @GET
    @Path("/auth/login{slash: /?}")
    @PermitAll
    public Response loginForm() {
        return auth.withXsrfCookie(Response.ok(Map.of())).build();
    }

    /**
     * {@code {username, password}}, as JSON or a form (other fields, such as the login page's {@code next}, are
     * ignored): {@code 200 {}} with the session's cookies, {@code 400} naming a missing field, {@code 401
     * {"message": ...}} for wrong credentials. Loligo also throttles guesses ({@code 429}).
     */
    @POST
    @Path("/auth/login{slash: /?}")
    @PermitAll
    public Response login(JsonNode body) {
        String username = body == null ? null : body.path("username").asText(null);
        String password = body == null ? null : body.path("password").asText(null);
        Map<String, String> missing = new LinkedHashMap<>();
        if (username == null || username.isEmpty()) {
            missing.put("username", "This field is required");
        }
        if (password == null || password.isEmpty()) {
            missing.put("password", "This field is required");
        }
        if (!missing.isEmpty()) {
            return Response.status(400).entity(missing).build();
        }
        Sessions.Outcome outcome = sessions.login(username, password, Callers.sourceOf(http));
        if (outcome instanceof Sessions.Throttled throttled) {
            return AuthResource.throttled(throttled);
        }
        if (!(outcome instanceof Sessions.Opened session)) {
            return Response.status(401).entity(Map.of("message", "User authentication failed")).build();
        }
        return auth.withSession(Response.ok(Map.of()), session).build();
    }

    @GET
    @Path("/auth/logout{slash: /?}")
    @PermitAll
    public Response logoutByGet(@CookieParam(TokenAuthenticationMechanism.SESSION_COOKIE) String token) {
        return logout(token);
    }

    @POST
    @Path("/auth/logout{slash: /?}")
    @PermitAll
    public Response logout(@CookieParam(TokenAuthenticationMechanism.SESSION_COOKIE) String token) {
        return auth.loggedOut(token, Response.ok(Map.of("message", "Logged out"))).build();
    }

    @GET
    @Path("/info{slash: /?}")
    @PermitAll
    public InfoResource.Info info() {
        return info.info();
    }

    /** Loligo's users are administrators' to list (Calamari showed them to everyone logged in). */
    @KeptBriefly
    @GET
    @Path("/user")
    @RolesAllowed(Roles.ADMINISTRATOR)
    public List<UserView> users() {
        return users.list();
    }

    /** {@code {username, password, email}}: {@code 201} with the user; new users are read-only until given a role. */
    @POST
    @Path("/user")
    @RolesAllowed(Roles.ADMINISTRATOR)
    public Response createUser(JsonNode body) {
        return Response.status(Response.Status.CREATED).entity(users.create(userForm(body), callers.current())).build();
    }

    /** {@code pk} is a user's id, or {@code me}. */
    @KeptForCaller
    @GET
    @Path("/user/{pk}")
    public UserView user(@PathParam("pk") String pk) {
        return users.get(pk, callers.current());
    }

    /**
     * Calamari's account page sends its whole form here. Changing one's own password needs {@code old_password}
     * in Loligo: a stolen session must not be enough to take an account over.
     */
    @PUT
    @Path("/user/{pk}")
    public UserView replaceUser(@PathParam("pk") String pk, JsonNode body) {
        return users.update(pk, userForm(body), callers.current(), callers.source());
    }

    @PATCH
    @Path("/user/{pk}")
    public UserView updateUser(@PathParam("pk") String pk, JsonNode body) {
        return users.update(pk, userForm(body), callers.current(), callers.source());
    }

    @DELETE
    @Path("/user/{pk}")
    @RolesAllowed(Roles.ADMINISTRATOR)
    public Response deleteUser(@PathParam("pk") String pk) {
        users.delete(pk, callers.current());
        return Response.noContent().build();
    }

    /** The fields of Django's user that Calamari wrote, read as text; the others a client sends are ignored, as DRF did. */
    private static UserForm userForm(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        // Calamari's account page sends an empty password when only the e-mail address changes
        String password = text(body, "password");
        return new UserForm(text(body, "username"), text(body, "email"), password == null || password.isEmpty() ? null : password,
                text(body, "old_password"), null, null);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
