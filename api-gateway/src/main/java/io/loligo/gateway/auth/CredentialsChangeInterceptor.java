package io.loligo.gateway.auth;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Forgets every caller read before a change of credentials: the cache in front of the database, and the last known. */
@CredentialsChange
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class CredentialsChangeInterceptor {
    @Inject
    @CacheName(Sessions.CALLERS)
    Cache callers;
    @Inject
    KnownCallers known;

    @AroundInvoke
    Object forgetCallers(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        callers.invalidateAll().await().indefinitely();
        known.forgetAll();
        return result;
    }
}
