package org.kindred.notifications.api;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.notifications.NotificationKind;

@Schema(name = "NotificationSettingsRequest", description = "Replaces your notification settings as a whole", example = """
        {"disabledKinds": ["REACTIONS"], "quietHours": {"from": "22:00", "until": "07:30"}, "timeZone": "Europe/Berlin"}""")
public record NotificationSettingsRequest(
        @Schema(required = true, maxItems = 13, uniqueItems = true, description = "Kinds you do not want to receive at all") @NotNull @Size(max = 13) Set<@NotNull NotificationKind> disabledKinds,
        @Schema(nullable = true, description = "Notifications arriving in this window are delivered as `silent` (no sound, no push); null: none") @Valid QuietHours quietHours,
        @Schema(required = true, maxLength = 64, example = "Europe/Berlin", description = "IANA time zone the quiet hours are in") @NotNull @Size(max = 64) String timeZone) {

    @Schema(name = "QuietHours", description = "A daily window in your time zone; `from` after `until` spans midnight")
    public record QuietHours(
            @Schema(required = true, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$", maxLength = 5, example = "22:00") @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm") String from,
            @Schema(required = true, pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$", maxLength = 5, example = "07:30") @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm") String until) {
    }
}
