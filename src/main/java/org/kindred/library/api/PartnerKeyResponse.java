package org.kindred.library.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PartnerKey", description = "An API key, without its secret (which is shown once, at creation)")
public record PartnerKeyResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "website feed") String name,
        @Schema(required = true, description = "The first characters of the key, to recognise it", example = "kpk_Q2h1bmt5") String prefix,
        @Schema(required = true, example = "[\"feeds:read\"]") List<String> scopes,
        @Schema(required = true, example = "6000") int requestsPerMinute,
        @Schema(required = true, description = "Requests made with the key (counted per replica, saved every 30 seconds)", example = "1284") long requestCount,
        @Schema(nullable = true) Instant lastUsedAt,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true, description = "Set once revoked; a revoked key gets 401") Instant revokedAt) {
}
