package org.kindred.webhooks.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** For the OpenAPI document: an event type's name. */
@Schema(name = "WebhookEventType", type = SchemaType.STRING, enumeration = {"resource.published", "resource.updated",
        "resource.archived", "care.held"}, description = "`care.held` is for operator endpoints only")
public final class WebhookEventTypeName {
    private WebhookEventTypeName() {
    }
}
