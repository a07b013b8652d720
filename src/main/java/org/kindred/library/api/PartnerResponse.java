package org.kindred.library.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Partner", description = "A partner organisation and its API keys with their usage (admins only)")
public record PartnerResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "Riverside Law Centre", maxLength = 200) String name,
        @Schema(nullable = true, example = "https://riverside-law.example.org/", maxLength = 2048, format = "uri") String url,
        @Schema(nullable = true, example = "web@riverside-law.example.org", maxLength = 254, pattern = "^.+@.+\\..+$") String contactEmail,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, description = "All keys, revoked ones included, oldest first") List<PartnerKeyResponse> keys) {
}
