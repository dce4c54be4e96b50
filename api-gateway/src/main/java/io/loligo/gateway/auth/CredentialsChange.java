package io.loligo.gateway.auth;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that changes who a session or API token stands for (ends it, changes its user's role, deletes the
 * user): once it returns, every caller read before is read again ({@link CredentialsChangeInterceptor}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CredentialsChange {
}
