package org.kindred.accounts.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Session", description = "One signed-in device or app of yours")
public record SessionResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, description = "The session this request was made with") boolean current,
        @Schema(nullable = true, maxLength = 64, description = "The label given at sign-in, if any", example = "Firefox on Linux") String deviceLabel,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, deprecated = true, description = "Deprecated: read `lastUsedOn`. The start (00:00 UTC) of the day of the last sign-in or token refresh: "
                + "Kindred keeps no finer trail of your activity.", example = "2026-11-23T00:00:00Z") Instant lastUsedAt,
        @Schema(required = true, description = "The day (UTC) of the last sign-in or token refresh; a day, not a time, so the list is no trail of your activity", example = "2026-11-23") LocalDate lastUsedOn,
        @Schema(required = true, description = "When the session ends even if used") Instant expiresAt) {

    /** A session's entry, {@code lastUsedDay} being the start of a UTC day. */
    public static SessionResponse of(UUID id, boolean current, String deviceLabel, Instant createdAt,
            Instant lastUsedDay, Instant expiresAt) {
        return new SessionResponse(id, current, deviceLabel, createdAt, lastUsedDay,
                LocalDate.ofInstant(lastUsedDay, ZoneOffset.UTC), expiresAt);
    }
}
