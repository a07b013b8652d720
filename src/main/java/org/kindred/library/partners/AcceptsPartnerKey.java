package org.kindred.library.partners;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint that partner organisations may call with {@code X-Api-Key}. A key needs any one of {@code scopes}
 * (else 403). Everywhere else the header is ignored, so a key never raises the limits of, say, sign-in.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AcceptsPartnerKey {
    String[] scopes();
}
