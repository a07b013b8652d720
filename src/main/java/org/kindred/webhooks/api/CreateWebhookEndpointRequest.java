package org.kindred.webhooks.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.validation.TextPatterns;
import org.kindred.webhooks.WebhookEventType;

@Schema(name = "CreateWebhookEndpointRequest")
public record CreateWebhookEndpointRequest(
        @NotBlank @Size(max = 2048) @Schema(required = true, maxLength = 2048, description = "Where to POST messages: https, a public host (checked when you register and before every delivery), no user information or fragment", example = "https://partner.example/kindred/webhooks") String url,
        @NotNull @Size(min = 1, max = 4) @Schema(required = true, description = "What to receive. Partners: `resource.published`, `resource.updated`, `resource.archived`; operators (admins) also `care.held`", type = SchemaType.ARRAY, implementation = WebhookEventTypeName.class, example = "[\"resource.published\", \"resource.archived\"]") List<@NotNull @Pattern(regexp = WebhookEventType.PATTERN, message = "must be resource.published, resource.updated, resource.archived or care.held") String> eventTypes,
        @Size(max = 200) @Pattern(regexp = TextPatterns.SINGLE_LINE, message = "must not contain control characters") @Schema(maxLength = 200, description = "A note for yourself, to tell endpoints apart", example = "Production resource sync") String description) {
}
