package io.loligo.gateway.kept;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read of the gateway's own records whose answer depends on who asks (an account, its tokens): kept as
 * {@link io.loligo.contracts.api.KeptBriefly} keeps, for a second, but for its caller only, apart from every other
 * caller's. A change made through this gateway forgets it at once; one made through another replica shows within
 * the second.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface KeptForCaller {
}
