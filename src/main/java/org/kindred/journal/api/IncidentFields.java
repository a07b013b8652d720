package org.kindred.journal.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.groups.Basis;
import org.kindred.journal.Area;
import org.kindred.platform.validation.TextPatterns;

/**
 * What a member records about one incident. The body of {@code POST /api/v1/me/journal/entries}, and the
 * {@code incident} of every entry and revision. Stored encrypted as a whole; the limits are characters.
 */
@Schema(name = "JournalIncident", description = "What happened, when, where, who, and what it did to you. Encrypted at rest with your own key; "
        + "nobody else (not moderators, not admins) can read it through the API.")
public record IncidentFields(
        @NotBlank @Size(max = MAX_TEXT) @Pattern(regexp = TextPatterns.MULTI_LINE, message = TextPatterns.MESSAGE) @Schema(required = true, maxLength = MAX_TEXT, description = "What happened, in your words: what was said or done", example = "At the team meeting my manager said people like me are not a good fit for client work, in front of four colleagues.") String whatHappened,

        @NotNull @Schema(required = true, description = "The day it happened (not in the future, not before 1900)", example = "2026-11-02") LocalDate date,

        @Pattern(regexp = TIME_PATTERN, message = "must be HH:mm (00:00 to 23:59)") @Schema(nullable = true, pattern = TIME_PATTERN, maxLength = 5, description = "Local time of day, if you know it", example = "14:30") String time,

        @Size(max = 64) @Pattern(regexp = TextPatterns.SINGLE_LINE, message = TextPatterns.MESSAGE) @Schema(nullable = true, maxLength = 64, description = "IANA time zone of `date` and `time`", example = "Europe/London") String timeZone,

        @Size(max = MAX_PLACE) @Pattern(regexp = TextPatterns.SINGLE_LINE, message = TextPatterns.MESSAGE) @Schema(nullable = true, maxLength = MAX_PLACE, description = "Where, as coarse as you like (\"my office\", \"bus 38\")", example = "Office, 3rd floor meeting room") String place,

        @Size(max = MAX_PEOPLE) @Pattern(regexp = TextPatterns.MULTI_LINE, message = TextPatterns.MESSAGE) @Schema(nullable = true, maxLength = MAX_PEOPLE, description = "Who was involved: free text, never linked to accounts", example = "My line manager (J.), team lead") String whoWasInvolved,

        @Size(max = MAX_PEOPLE) @Pattern(regexp = TextPatterns.MULTI_LINE, message = TextPatterns.MESSAGE) @Schema(nullable = true, maxLength = MAX_PEOPLE, description = "Who saw or heard it", example = "Two colleagues, A. and R.") String witnesses,

        @Size(max = 10) @Schema(description = "Grounds of discrimination (the same bases as groups); `[]` when none given", maxItems = 10, uniqueItems = true, example = "[\"RACE_ETHNICITY\"]") List<@NotNull Basis> grounds,

        @NotNull @Schema(required = true, description = "Where in life it happened") Area area,

        @Size(max = MAX_LONG) @Pattern(regexp = TextPatterns.MULTI_LINE, message = TextPatterns.MESSAGE) @Schema(nullable = true, maxLength = MAX_LONG, description = "What it did to you: health, work, money, sleep", example = "I could not sleep for a week and took two days of sick leave.") String impact,

        @Size(max = MAX_LONG) @Pattern(regexp = TextPatterns.MULTI_LINE, message = TextPatterns.MESSAGE) @Schema(nullable = true, maxLength = MAX_LONG, description = "What you have done about it so far", example = "Emailed HR on 2026-11-03; no answer yet.") String actionsTaken) {

    public static final int MAX_TEXT = 10000;
    public static final int MAX_PLACE = 200;
    public static final int MAX_PEOPLE = 2000;
    public static final int MAX_LONG = 5000;
    public static final String TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    public IncidentFields {
        grounds = grounds == null ? List.of() : grounds.stream().distinct().sorted().toList();
    }
}
