package org.kindred.webhooks.api;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.validation.TextPatterns;
import org.kindred.webhooks.WebhookEventType;

@Schema(name = "UpdateWebhookEndpointRequest", description = "Absent (or null) fields are unchanged; an empty `description` clears it.")
public record UpdateWebhookEndpointRequest(
        @Size(min = 1, max = 2048) @Schema(maxLength = 2048, description = "A new URL, checked like a new endpoint's", example = "https://partner.example/kindred/webhooks/v2") String url,
        @Size(min = 1, max = 4) @Schema(description = "The new subscription (replaces the old one)", type = SchemaType.ARRAY, implementation = WebhookEventTypeName.class, example = "[\"resource.published\"]") List<@NotNull @Pattern(regexp = WebhookEventType.PATTERN, message = "must be resource.published, resource.updated, resource.archived or care.held") String> eventTypes,
        @Size(max = 200) @Pattern(regexp = TextPatterns.SINGLE_LINE, message = "must not contain control characters") @Schema(maxLength = 200, description = "A note for yourself", example = "Staging") String description) {
}
