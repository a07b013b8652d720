package org.kindred.webhooks.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** For the OpenAPI document: the body Kindred POSTs to an endpoint (Standard Webhooks). */
@Schema(name = "WebhookMessage", description = """
        The JSON body of every webhook POST. Headers: `webhook-id` (the message id, the same on every retry: \
        deduplicate on it), `webhook-timestamp` (Unix seconds of this attempt), `webhook-signature` \
        (`v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">` keyed with the base64-decoded part \
        of your secret after `whsec_`; two space-separated signatures while a rotated secret is still valid).""")
public record WebhookMessage(
        @Schema(required = true, type = SchemaType.STRING, implementation = WebhookEventTypeName.class) String type,
        @Schema(required = true, description = "When the event happened") Instant timestamp,
        @Schema(required = true, oneOf = {
                ResourceEventData.class, CareHeldData.class}) Object data){

    @Schema(name = "WebhookResourceEventData", description = "resource.published, resource.updated, resource.archived: the resource's id and status; fetch it with GET /api/v1/resources/{resourceId} (an archived one answers 404 to the public: delete your copy)")
    public record ResourceEventData(@Schema(required = true) UUID resourceId,
            @Schema(required = true, enumeration = {
                    "PUBLISHED", "ARCHIVED"}) String status){
    }

    @Schema(name = "WebhookCareHeldData", description = "care.held: a post was held for care. Deliberately content-free: a random alert id naming no post, group, author or text. Page a responder, who opens the moderators' queue in Kindred.")
    public record CareHeldData(
            @Schema(required = true, description = "Random, for your paging tool's deduplication; means nothing in Kindred's API") UUID alertId) {
    }
}
