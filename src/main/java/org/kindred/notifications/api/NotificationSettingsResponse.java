package org.kindred.notifications.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.notifications.NotificationKind;

@Schema(name = "NotificationSettings", description = "What you are told, and when quietly. Thread follow and mute are per thread (PUT /api/v1/posts/{postId}/subscription).", example = """
        {"disabledKinds": ["REACTIONS"], "quietHours": {"from": "22:00", "until": "07:30"}, "timeZone": "Europe/Berlin"}""")
public record NotificationSettingsResponse(
        @Schema(required = true, maxItems = 12, uniqueItems = true) List<NotificationKind> disabledKinds,
        @Schema(nullable = true) NotificationSettingsRequest.QuietHours quietHours,
        @Schema(required = true, maxLength = 64, example = "Europe/Berlin") String timeZone) {
}
