package org.kindred.webhooks.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "One message to an endpoint and how its delivery went (never its payload).")
public record WebhookDeliveryResponse(
        @Schema(required = true, description = "The message id, sent as `webhook-id` on every attempt") UUID messageId,
        @Schema(required = true, type = SchemaType.STRING, implementation = WebhookEventTypeName.class) String eventType,
        @Schema(required = true, enumeration = {
                "PENDING", "DELIVERED",
                "DEAD"}, description = "DEAD: retried for the whole retry window (24 h) without a 2xx; redeliver it by hand") String status,
        @Schema(required = true, minimum = "0", maximum = "2147483647") int attempts,
        @Schema(required = true, nullable = true, minimum = "100", maximum = "599", description = "Your endpoint's last HTTP status; null when it never answered") Integer lastStatusCode,
        @Schema(required = true, nullable = true, maxLength = 200, example = "timeout", description = "Why the last attempt failed: `HTTP <status>`, `timeout`, a connection error, or a refused URL") String lastError,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, nullable = true) Instant lastAttemptAt,
        @Schema(required = true, nullable = true, description = "When the next attempt is due (PENDING only)") Instant nextAttemptAt,
        @Schema(required = true, nullable = true) Instant deliveredAt){
}
