package org.kindred.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verification as a receiver does it, written from the Standard Webhooks specification and independent of the
 * production signer: the key is the base64 after {@code whsec_}; the signed content is {@code id.timestamp.body}; the
 * header holds space-separated {@code v1,<base64>} signatures, any one of which may match (constant-time compare).
 */
public final class StandardWebhooks {

    private StandardWebhooks() {
    }

    public static boolean verifies(String secret, String id, String timestamp, String body, String signatureHeader)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String candidate : signatureHeader.split(" ")) {
            String[] parts = candidate.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }
}
