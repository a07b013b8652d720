package org.kindred.notifications.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UnreadNotifications", description = "How many of your notifications are unread", example = "{\"unread\": 3}")
public record UnreadCountResponse(
        @Schema(required = true, minimum = "0", maximum = "9223372036854775807") long unread) {
}
