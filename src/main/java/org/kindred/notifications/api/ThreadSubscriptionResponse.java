package org.kindred.notifications.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ThreadSubscription", description = "Whether you are told of replies in a thread", example = """
        {"threadId": "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "mode": "FOLLOW", "explicit": false}""")
public record ThreadSubscriptionResponse(
        @Schema(required = true) UUID threadId,
        @Schema(required = true, description = "`FOLLOW`, `MUTE`, or `NONE` (not followed)") Mode mode,
        @Schema(required = true, description = "false: the default (you follow threads you started or replied to); true: your own choice") boolean explicit) {

    public enum Mode {
        FOLLOW, MUTE, NONE
    }
}
