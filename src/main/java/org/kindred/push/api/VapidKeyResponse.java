package org.kindred.push.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VapidPublicKey", description = "The service's VAPID public key, to pass as `applicationServerKey` to `pushManager.subscribe`")
public record VapidKeyResponse(
        @Schema(required = true, maxLength = 100, pattern = "^[A-Za-z0-9_-]+$", description = "Uncompressed P-256 point, base64url without padding", example = "BFby-HSCwWwbkjbE0u7K5IKUwx4ystKy4AQV4-EsA8cR4GZr-GtY-26w8SB-OWMqrOW4ssJlznO_vcYAeGh7i5I") String publicKey) {
}
