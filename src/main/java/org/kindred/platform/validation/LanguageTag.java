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

/** A well-formed BCP 47 language tag whose primary language is a known ISO 639 code, e.g. {@code en} or {@code pt-BR}. Null is valid. */
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = LanguageTagValidator.class)
public @interface LanguageTag {
    String message() default "must be a BCP 47 language tag, e.g. en or pt-BR";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
