package org.kindred.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An absolute {@code http} or {@code https} URL with a host and no user name or password, at most 2048 characters,
 * e.g. {@code https://www.samaritans.org/}. Other schemes ({@code javascript:}, {@code data:}, {@code file:}, ...) are
 * refused because clients render these URLs as links. Null is valid.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = HttpUrlValidator.class)
public @interface HttpUrl {
    String message() default "must be an absolute http or https URL, e.g. https://example.org/help";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
