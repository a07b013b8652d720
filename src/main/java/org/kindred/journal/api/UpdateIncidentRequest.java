package org.kindred.journal.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.groups.Basis;
import org.kindred.journal.Area;
import org.kindred.platform.validation.TextPatterns;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Merge patch of an entry. A class, not a record, so that absent and null differ. */
@Schema(name = "UpdateJournalEntryRequest", description = "Merge patch: absent fields stay, null clears an optional field. "
        + "The edit is appended as a new revision; every earlier version stays, readable in the entry's `revisions`.")
public final class UpdateIncidentRequest {

    @JsonProperty
    @Schema(maxLength = IncidentFields.MAX_TEXT)
    private Optional<@Size(min = 1, max = IncidentFields.MAX_TEXT) @Pattern(regexp = TextPatterns.MULTI_LINE, message = TextPatterns.MESSAGE) String> whatHappened;

    @JsonProperty
    private Optional<LocalDate> date;

    @JsonProperty
    @Schema(nullable = true, pattern = IncidentFields.TIME_PATTERN, maxLength = 5)
    private Optional<@Pattern(regexp = IncidentFields.TIME_PATTERN, message = "must be HH:mm (00:00 to 23:59)") String> time;

    @JsonProperty
    @Schema(nullable = true, maxLength = 64)
    private Optional<@Size(max = 64) @Pattern(regexp = TextPatterns.SINGLE_LINE, message = TextPatterns.MESSAGE) String> timeZone;

    @JsonProperty
    @Schema(nullable = true, maxLength = IncidentFields.MAX_PLACE)
    private Optional<@Size(max = IncidentFields.MAX_PLACE) @Pattern(regexp = TextPatterns.SINGLE_LINE, message = TextPatterns.MESSAGE) String> place;

    @JsonProperty
    @Schema(nullable = true, maxLength = IncidentFields.MAX_PEOPLE)
    private Optional<@Size(max = IncidentFields.MAX_PEOPLE) @Pattern(regexp = TextPatterns.MULTI_LINE, message = TextPatterns.MESSAGE) String> whoWasInvolved;

    @JsonProperty
    @Schema(nullable = true, maxLength = IncidentFields.MAX_PEOPLE)
    private Optional<@Size(max = IncidentFields.MAX_PEOPLE) @Pattern(regexp = TextPatterns.MULTI_LINE, message = TextPatterns.MESSAGE) String> witnesses;

    @JsonProperty
    @Schema(maxItems = 10, uniqueItems = true)
    private Optional<@Size(max = 10) List<@NotNull Basis>> grounds;

    @JsonProperty
    private Optional<Area> area;

    @JsonProperty
    @Schema(nullable = true, maxLength = IncidentFields.MAX_LONG)
    private Optional<@Size(max = IncidentFields.MAX_LONG) @Pattern(regexp = TextPatterns.MULTI_LINE, message = TextPatterns.MESSAGE) String> impact;

    @JsonProperty
    @Schema(nullable = true, maxLength = IncidentFields.MAX_LONG)
    private Optional<@Size(max = IncidentFields.MAX_LONG) @Pattern(regexp = TextPatterns.MULTI_LINE, message = TextPatterns.MESSAGE) String> actionsTaken;

    /** The fields after this patch; a required field sent as null is refused by the caller's validation. */
    public IncidentFields applyTo(IncidentFields f) {
        return new IncidentFields(pick(whatHappened, f.whatHappened()), pick(date, f.date()), pick(time, f.time()),
                pick(timeZone, f.timeZone()), pick(place, f.place()), pick(whoWasInvolved, f.whoWasInvolved()),
                pick(witnesses, f.witnesses()), pick(grounds, f.grounds()), pick(area, f.area()),
                pick(impact, f.impact()), pick(actionsTaken, f.actionsTaken()));
    }

    private static <T> T pick(Optional<T> patch, T current) {
        return patch == null ? current : patch.orElse(null);
    }
}
