package org.kindred.groups.api;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateInviteRequest")
public record CreateInviteRequest(
        @Schema(description = "When the code stops working (RFC 3339, within 30 days); default in 7 days", example = "2026-11-30T18:00:00Z") Instant expiresAt,
        @Min(1) @Max(1000) @Schema(description = "How many people can join with it (1 to 1000); default 1", minimum = "1", maximum = "1000", example = "5") Integer maxUses) {
}
