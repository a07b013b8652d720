package org.kindred.platform.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.quarkus.runtime.LaunchMode;

/**
 * The names of rate-limit buckets: {@code <policy>:<32 hex digits>}, the hex being the first 128 bits of an
 * HMAC-SHA256 of the policy and the subject (an IP address, account id or partner key id). The table shared by the
 * replicas and each replica's memory never hold the subject itself, yet every replica names the same bucket alike.
 * The HMAC key is derived from {@code kindred.cursor.secret}, the one secret every replica already shares, for this
 * purpose only.
 */
final class BucketKeys {

    private static final String PURPOSE = "kindred rate-limit bucket keys v1";
    private static final int HEX_DIGITS = 32;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    BucketKeys(Optional<String> secret) {
        byte[] master;
        if (secret.isPresent() && !secret.get().isBlank()) {
            master = secret.get().getBytes(StandardCharsets.UTF_8);
            if (master.length < 32) {
                throw new IllegalStateException("KINDRED_CURSOR_SECRET must be at least 32 characters");
            }
        } else if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException(
                    "Set KINDRED_CURSOR_SECRET (32+ random characters, the same on every replica)");
        } else {
            master = new byte[32];
            new SecureRandom().nextBytes(master);
        }
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(master, "HmacSHA256"), PURPOSE), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
    }

    String of(String policy, String subject) {
        byte[] digest = macs.get().doFinal((policy + ":" + subject).getBytes(StandardCharsets.UTF_8));
        return policy + ":" + HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        return newMac(key).doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
