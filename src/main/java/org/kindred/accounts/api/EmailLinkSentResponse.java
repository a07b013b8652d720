package org.kindred.accounts.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EmailLinkSent", description = "A link is on its way (or, where the answer must not tell, may be)")
public record EmailLinkSentResponse(
        @Schema(required = true, example = "Check your inbox: we sent a link to confirm your address.", maxLength = 200) String message,
        @Schema(required = true, description = "When the mailed link stops working", example = "2026-12-06T09:30:00Z") Instant linkExpiresAt) {
}
