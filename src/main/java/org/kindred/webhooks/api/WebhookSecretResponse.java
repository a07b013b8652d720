package org.kindred.webhooks.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookSecretRotated")
public record WebhookSecretResponse(@Schema(required = true) WebhookEndpointResponse endpoint,
        @Schema(required = true, description = "The new signing secret, shown this once", example = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD", maxLength = 60) String secret,
        @Schema(required = true, description = "Until then messages are also signed with the previous secret") Instant previousSecretExpiresAt) {
}
