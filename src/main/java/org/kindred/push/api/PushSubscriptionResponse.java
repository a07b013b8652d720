package org.kindred.push.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A device that is woken when a notification arrives. The endpoint is a capability: only its origin is shown. */
@Schema(name = "PushSubscription", description = "A device woken by Web Push when a notification arrives. The push "
        + "service's URL is a secret of the browser: only its origin is shown.", example = """
                {"id": "6a7e1c2b-3d4f-4a5b-8c9d-0e1f2a3b4c5d", "pushService": "https://fcm.googleapis.com",
                 "deviceLabel": "Firefox on my laptop", "createdAt": "2026-12-05T10:00:00Z",
                 "lastSuccessAt": "2026-12-05T14:03:12Z", "failures": 0}""")
public record PushSubscriptionResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, maxLength = 300, format = "uri", description = "Origin of the push service") String pushService,
        @Schema(nullable = true, maxLength = 64) String deviceLabel,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true, description = "When a push last reached the push service") Instant lastSuccessAt,
        @Schema(required = true, minimum = "0", maximum = "1000", description = "Failed sends in a row; the subscription is dropped after `KINDRED_PUSH_MAX_FAILURES`, or at once when the push service says it is gone (404/410)") int failures) {
}
