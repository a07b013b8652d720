package org.kindred.webhooks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;

/**
 * Endpoint signing secrets: {@code whsec_<base64 of 32 random bytes>} (Standard Webhooks), shown to their owner once.
 * At rest they are encrypted with AES-256-GCM under a key derived (HMAC-SHA256, for this purpose only) from
 * {@code kindred.cursor.secret}, the secret every replica already shares, with the endpoint id as associated data: a
 * database dump alone cannot sign a message, and a ciphertext copied to another endpoint does not decrypt. Secrets
 * are never logged.
 */
@ApplicationScoped
public class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    private static final String PURPOSE = "kindred webhook endpoint secrets v1";
    private static final int SECRET_BYTES = 32;
    private static final int NONCE_BYTES = 12;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    public WebhookSecrets(@ConfigProperty(name = "kindred.cursor.secret") Optional<String> secret) {
        byte[] master;
        if (secret.isPresent() && secret.get().length() >= 32) {
            master = secret.get().getBytes(StandardCharsets.UTF_8);
        } else if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException(
                    "Set KINDRED_CURSOR_SECRET (32+ random characters, the same on every replica)");
        } else {
            master = new byte[32];
            random.nextBytes(master);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal(PURPOSE.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new secret in its shown form. */
    public String generate() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The HMAC key of a secret in its shown form: the base64 after the prefix, decoded. */
    public static byte[] keyOf(String secret) {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    byte[] seal(UUID endpointId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, endpointId, nonce).apply(secret.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    String open(UUID endpointId, byte[] stored) {
        byte[] nonce = Arrays.copyOf(stored, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(stored, NONCE_BYTES, stored.length);
        return new String(cipher(Cipher.DECRYPT_MODE, endpointId, nonce).apply(sealed), StandardCharsets.UTF_8);
    }

    private interface Crypt {
        byte[] apply(byte[] input);
    }

    private Crypt cipher(int mode, UUID endpointId, byte[] nonce) {
        return input -> {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(mode, key, new GCMParameterSpec(128, nonce));
                cipher.updateAAD(endpointId.toString().getBytes(StandardCharsets.US_ASCII));
                return cipher.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("An endpoint secret could not be sealed or opened", e);
            }
        };
    }
}
