package org.kindred.platform.paging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kindred.platform.error.BadRequestException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.LaunchMode;

/**
 * Opaque keyset cursors: a position (the sort-key values of a row) and a direction, signed with HMAC-SHA256 over the
 * list's scope (the endpoint, its parent object, its filters and sort order). A cursor that was altered, or that
 * belongs to another list, fails verification and the request gets a 400.
 * <p>
 * The signed payload of a cursor for the next page ("after this position") is the JSON array of the values, as it
 * has been from the start, so cursors handed out before backward paging keep working. A cursor for the previous page
 * ("before this position") wraps the array: {@code {"before":[...]}}; the marker is inside the signature, so it cannot
 * be added to or removed from a cursor without the cursor failing verification.
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

    /** A decoded cursor: which side of the position the page lies on, and the position. */
    public record Position(Direction direction, List<String> values) {
    }

    private static final String BEFORE = "before";

    /** A cursor for the rows after a position (the next page). */
    public String encode(String scope, List<String> values) {
        return encode(scope, Direction.AFTER, values);
    }

    /** A cursor for the rows after ({@code AFTER}) or before ({@code BEFORE}) a position. */
    public String encode(String scope, Direction direction, List<String> values) {
        try {
            byte[] payload = direction == Direction.AFTER
                    ? json.writeValueAsBytes(values)
                    : json.writeValueAsBytes(Map.of(BEFORE, values));
            return B64.encodeToString(payload) + "." + B64.encodeToString(mac(scope, payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The values of a next-page cursor made by {@link #encode} for the same scope, or a 400 problem. */
    public List<String> decode(String scope, String cursor, int expectedValues) {
        Position position = position(scope, cursor, expectedValues);
        if (position.direction() != Direction.AFTER) {
            throw invalid();
        }
        return position.values();
    }

    /** The direction and position of a cursor made by {@link #encode} for the same scope, or a 400 problem. */
    public Position position(String scope, String cursor, int expectedValues) {
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
            JsonNode tree = json.readTree(payload);
            Direction direction = Direction.AFTER;
            if (tree != null && tree.isObject() && tree.size() == 1 && tree.has(BEFORE)) {
                direction = Direction.BEFORE;
                tree = tree.get(BEFORE);
            }
            if (tree == null || !tree.isArray() || tree.size() != expectedValues) {
                throw invalid();
            }
            List<String> values = new ArrayList<>(expectedValues);
            for (JsonNode value : tree) {
                if (!value.isTextual()) {
                    throw invalid();
                }
                values.add(value.textValue());
            }
            return new Position(direction, List.copyOf(values));
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
