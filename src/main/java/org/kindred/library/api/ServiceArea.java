package org.kindred.library.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.kindred.platform.validation.CountryCodeValidator;

/** An ISO 3166-1 alpha-2 country code in upper case, or {@code GLOBAL} for everywhere. Null is valid. */
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = ServiceArea.Validator.class)
public @interface ServiceArea {
    String message() default "must be an ISO 3166-1 alpha-2 country code in upper case, e.g. GB, or GLOBAL";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ServiceArea, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || "GLOBAL".equals(value) || CountryCodeValidator.isCountryCode(value);
        }
    }
}
