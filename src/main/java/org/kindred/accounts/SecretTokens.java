package org.kindred.accounts;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets mailed in links: 256 random bits, URL-safe, with a prefix that tells a human or a secret scanner what leaked.
 * Only their SHA-256 is stored ({@link SessionService#hash}), so a copy of the database opens no account.
 */
final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {
    }

    static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
