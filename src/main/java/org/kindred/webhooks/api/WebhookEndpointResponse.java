package org.kindred.webhooks.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookEndpoint", description = "A registered webhook endpoint. Its secret is shown only when it is created or rotated.")
public record WebhookEndpointResponse(@Schema(required = true) UUID id,
        @Schema(required = true, nullable = true, description = "The partner organisation it belongs to; null for an operator endpoint") UUID partnerId,
        @Schema(required = true, maxLength = 2048, example = "https://partner.example/kindred/webhooks") String url,
        @Schema(required = true, nullable = true, maxLength = 200) String description,
        @Schema(required = true, type = SchemaType.ARRAY, maxItems = 4, implementation = WebhookEventTypeName.class) List<String> eventTypes,
        @Schema(required = true, nullable = true, description = "Until when the secret replaced by the last rotation still signs (each message then carries two signatures); null when none does") Instant previousSecretExpiresAt,
        @Schema(required = true) Instant createdAt, @Schema(required = true) Instant updatedAt) {
}
