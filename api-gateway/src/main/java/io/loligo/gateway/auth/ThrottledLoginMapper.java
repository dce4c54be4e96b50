package io.loligo.gateway.auth;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A throttled password check, wherever it was asked for, answers as a throttled login does. */
@Provider
public class ThrottledLoginMapper implements ExceptionMapper<ThrottledLogin> {

    @Override
    public Response toResponse(ThrottledLogin refused) {
        return AuthResource.throttled(refused.throttled());
    }
}
