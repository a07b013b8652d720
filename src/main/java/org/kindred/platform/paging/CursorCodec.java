package org.kindred.platform.paging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kindred.platform.error.BadRequestException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.LaunchMode;

/**
 * Opaque keyset cursors: the sort-key values of the last row, signed with HMAC-SHA256 over the list's scope (the
 * endpoint, its parent object, its filters and sort order). A cursor that was altered, or that belongs to another
 * list, fails verification and the request gets a 400.
 */
@ApplicationScoped
public class CursorCodec {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;
    /** One initialised {@code Mac} per thread: creating and keying one costs more than signing a cursor. */
    private final ThreadLocal<Mac> macs;
    private final ObjectMapper json = new ObjectMapper();

    public CursorCodec(@ConfigProperty(name = "kindred.cursor.secret") Optional<String> secret) {
        byte[] bytes;
        if (secret.isPresent() && !secret.get().isBlank()) {
            bytes = secret.get().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalStateException("KINDRED_CURSOR_SECRET must be at least 32 characters");
            }
        } else if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException(
                    "Set KINDRED_CURSOR_SECRET (32+ random characters, the same on every replica)");
        } else {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public String encode(String scope, List<String> values) {
        try {
            byte[] payload = json.writeValueAsBytes(values);
            return B64.encodeToString(payload) + "." + B64.encodeToString(mac(scope, payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The values of a cursor made by {@link #encode} for the same scope, or a 400 problem. */
    public List<String> decode(String scope, String cursor, int expectedValues) {
        int dot = cursor.indexOf('.');
        if (dot <= 0) {
            throw invalid();
        }
        try {
            byte[] payload = B64D.decode(cursor.substring(0, dot));
            byte[] mac = B64D.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(mac, mac(scope, payload))) {
                throw invalid();
            }
            List<String> values = Arrays.asList(json.readValue(payload, String[].class));
            if (values.size() != expectedValues) {
                throw invalid();
            }
            return values;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
    }

    private byte[] mac(String scope, byte[] payload) {
        Mac mac = macs.get(); // doFinal leaves it reset for the next use
        mac.update(scope.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BadRequestException invalid() {
        return new BadRequestException("cursor",
                "is not a valid cursor for this list (it was altered, or it belongs to another list, filter or sort order)");
    }
}
