package io.loligo.gateway.auth;

import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** A mutation that only the tests have: the XSRF rule applies to every unsafe endpoint. */
@Path("/api/v3/test-echo")
public class EchoResource {
    @POST
    @RolesAllowed(Roles.OPERATOR)
    public String echo(String body) {
        return body;
    }
}
