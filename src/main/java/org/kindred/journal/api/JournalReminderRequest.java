package org.kindred.journal.api;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.validation.CountryCode;
import org.kindred.platform.validation.TextPatterns;

/**
 * What the deadlines of a journal entry depend on besides the entry itself (its date, area and grounds): where the
 * member would complain, the last act of a continuing course, the days a clock was paused, and the member's time
 * zone. The body of {@code PUT …/reminders} and the query of {@code GET …/deadlines}; stored encrypted with the
 * member's journal key.
 */
@Schema(name = "JournalReminderPlan", description = "Where you would complain and what else the time limits depend on. "
        + "Stored encrypted with your journal's key, like the entry.", example = """
                {"country": "GB", "subdivision": "GB-ENG", "lastActDate": null, "pausedDays": 0,
                 "timeZone": "Europe/London"}""")
public record JournalReminderRequest(
        @NotNull @CountryCode @Size(max = 2) @Schema(required = true, maxLength = 2, pattern = "^[A-Z]{2}$", description = "ISO 3166-1 alpha-2 country whose pathways apply", example = "GB") String country,

        @Size(max = 6) @Schema(nullable = true, maxLength = 6, pattern = "^[A-Z]{2}-[A-Z0-9]{1,3}$", description = "ISO 3166-2 subdivision of `country`", example = "GB-ENG") String subdivision,

        @Schema(nullable = true, type = SchemaType.STRING, implementation = String.class, format = "date", maxLength = 10, description = "The last act, when it continued (not before the entry's date, not in the future)", example = "2026-11-20") LocalDate lastActDate,

        @Min(0) @Max(3660) @Schema(nullable = true, minimum = "0", maximum = "3660", description = "Days the clock was paused, e.g. by ACAS early conciliation (default 0)", example = "0") Integer pausedDays,

        @Size(max = 64) @Pattern(regexp = TextPatterns.SINGLE_LINE, message = TextPatterns.MESSAGE) @Schema(nullable = true, maxLength = 64, description = "IANA time zone for today, days left and the hour of reminders (default: the entry's `timeZone`, else UTC)", example = "Europe/London") String timeZone) {

    public int paused() {
        return pausedDays == null ? 0 : pausedDays;
    }
}
