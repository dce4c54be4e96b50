package io.loligo.gateway;

import io.loligo.contracts.api.Problem;
import io.loligo.gateway.auth.AuthResource;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types that Jackson writes inside a Response, where Quarkus cannot see them. A native image would drop their
 * accessors unless they are registered here.
 */
@RegisterForReflection(targets = {Problem.class, Problem.FieldError.class, AuthResource.LoggedIn.class})
final class NativeRegistrations {
    private NativeRegistrations() {
    }
}
