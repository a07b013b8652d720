package org.kindred.platform.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A creating POST that honours the {@code Idempotency-Key} header. The endpoint must require authentication (an access
 * token, or a partner API key where the endpoint accepts one). With a key, the endpoint runs in one transaction with
 * the storing of its response ({@link IdempotentTransaction}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@InterceptorBinding
public @interface Idempotent {
}
