package org.kindred.webhooks.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookEndpointCreated")
public record WebhookEndpointCreatedResponse(@Schema(required = true) WebhookEndpointResponse endpoint,
        @Schema(required = true, description = "The signing secret, shown this once: Kindred keeps it encrypted and never shows it again", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", maxLength = 60) String secret) {
}
