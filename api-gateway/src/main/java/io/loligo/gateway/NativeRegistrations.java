package io.loligo.gateway;

import io.loligo.contracts.api.KeyApi;
import io.loligo.contracts.api.LiveUpdate;
import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.RequestView;
import io.loligo.gateway.audit.AuditView;
import io.loligo.gateway.auth.AuthResource;
import io.loligo.gateway.user.UserForms;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types that Jackson writes inside a Response or a generic page, where Quarkus cannot see them. A native image
 * would drop their accessors unless they are registered here.
 */
@RegisterForReflection(targets = {Problem.class, Problem.FieldError.class, AuthResource.LoggedIn.class,
        UserForms.UserView.class, UserForms.TokenView.class, AuditView.class, LiveUpdate.class, KeyApi.KeyView.class,
        KeyApi.KeyPatch.class, RequestView.Accepted.class})
final class NativeRegistrations {
    private NativeRegistrations() {
    }
}
