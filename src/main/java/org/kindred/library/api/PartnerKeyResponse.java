package org.kindred.library.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.openapi.ApiTypes;

@Schema(name = "PartnerKey", description = "An API key, without its secret (which is shown once, at creation)")
public record PartnerKeyResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "website feed", maxLength = 100) String name,
        @Schema(required = true, description = "The first characters of the key, to recognise it", example = "kpk_Q2h1bmt5", minLength = 12, maxLength = 12, pattern = "^kpk_[A-Za-z0-9_-]{8}$") String prefix,
        @Schema(required = true, example = "[\"feeds:read\"]", type = SchemaType.ARRAY, implementation = ApiTypes.PartnerScope.class, minItems = 1, maxItems = 2, uniqueItems = true) List<String> scopes,
        @Schema(required = true, example = "6000", minimum = "1", maximum = "2147483647") int requestsPerMinute,
        @Schema(required = true, description = "Requests made with the key (counted per replica, saved every 30 seconds)", example = "1284", minimum = "0", maximum = "9223372036854775807") long requestCount,
        @Schema(nullable = true) Instant lastUsedAt,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true, description = "Set once revoked; a revoked key gets 401") Instant revokedAt) {
}
