package org.kindred.journal.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.kindred.journal.JournalChain;
import org.kindred.platform.error.BadRequestException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * JWS (RFC 7515) in compact serialisation with a detached payload (Appendix F): {@code header..signature}. The
 * payload is the canonical document (RFC 8785), base64url-encoded into the signing input as usual, so any JWS library
 * verifies it given the document's bytes. The protected header is {@code {"alg":"EdDSA","kid":"<evidence key id>"}}
 * (EdDSA with Ed25519, RFC 8037).
 */
public final class DetachedJws {

    public static final String ALG = "EdDSA";
    static final int MAX_LENGTH = 1024;

    /** A parsed detached JWS: its encoded protected header, the header's {@code alg} and {@code kid}, the signature. */
    public record Parsed(String encodedHeader, String alg, String kid, byte[] signature) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private DetachedJws() {
    }

    /** Signs the canonical payload with the active evidence key. */
    public static String sign(EvidenceKeys keys, byte[] payload) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("alg", ALG);
        header.put("kid", keys.active().kid());
        String encodedHeader = ENCODER
                .encodeToString(CanonicalJson.bytes(JournalChain.CANONICAL.valueToTree(header)));
        byte[] signature = keys.sign(signingInput(encodedHeader, payload));
        return encodedHeader + ".." + ENCODER.encodeToString(signature);
    }

    /** {@code ASCII(BASE64URL(header) || '.' || BASE64URL(payload))} (RFC 7515, 5.1). */
    public static byte[] signingInput(String encodedHeader, byte[] payload) {
        return (encodedHeader + "." + ENCODER.encodeToString(payload)).getBytes(StandardCharsets.US_ASCII);
    }

    /** Parses a detached compact JWS; 400 naming {@code signature} when it is not one. */
    public static Parsed parse(String jws) {
        if (jws == null || jws.length() > MAX_LENGTH) {
            throw invalid("must be a detached JWS of at most " + MAX_LENGTH + " characters");
        }
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[2].isEmpty()) {
            throw invalid("must be a JWS in compact form with a detached payload: <header>..<signature>");
        }
        if (!parts[1].isEmpty()) {
            throw invalid("must have a detached payload (<header>..<signature>): send the document as `document`");
        }
        JsonNode header;
        byte[] signature;
        try {
            header = JournalChain.CANONICAL.readTree(DECODER.decode(parts[0]));
            signature = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid("header and signature must be base64url, the header a JSON object");
        }
        if (header == null || !header.isObject() || !header.path("alg").isTextual()) {
            throw invalid("the protected header must be a JSON object with `alg`");
        }
        String kid = header.path("kid").isTextual() ? header.get("kid").asText() : null;
        return new Parsed(parts[0], header.get("alg").asText(), kid, signature);
    }

    private static BadRequestException invalid(String message) {
        return new BadRequestException("signature", message);
    }
}
