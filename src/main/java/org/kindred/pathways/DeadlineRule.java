package org.kindred.pathways;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A time limit as data: a {@link Length} counted from the act (or the last act of a continuing course), with the
 * calendar rules of its jurisdiction, conditional extensions and an optional pause. {@link DeadlineCalculator}
 * turns it into a date.
 */
@Schema(description = "A time limit as data, as the curated file states it")
public record DeadlineRule(
        @Schema(required = true, maxLength = 60, example = "claim") @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,59}") String id,
        @Schema(required = true, maxLength = 300, example = "Present the claim to the Employment Tribunal") @NotBlank @Size(max = 300) String label,
        @Schema(required = true) @NotNull @Valid Length period,
        @Schema(required = true, description = "ACT: counted from the act. LAST_ACT: from the last act of a continuing course of conduct when there was one (the caller's `lastActDate`), else from the act.") @NotNull Start from,
        @Schema(required = true, description = "The period ends one day earlier (\"three months less one day\")") boolean lessOneDay,
        @Schema(required = true, description = "When the later month has no such day (31 January + 1 month): LAST_DAY_OF_MONTH (28/29 February) or FIRST_DAY_OF_NEXT_MONTH (1 March)") @NotNull MonthEnd monthEnd,
        @Schema(required = true, description = "A date on a Saturday or Sunday moves to the next Monday. Public holidays are not considered.") boolean nextWorkingDay,
        @Schema(nullable = true, description = "What may pause the clock (null: nothing does); the caller supplies the days paused", maxLength = 500) @Size(max = 500) String pause,
        @Schema(required = true, maxItems = 10) @NotNull @Size(max = 10) List<@NotNull @Valid Extension> extensions,
        @Schema(nullable = true, description = "How the rule is read, in plain language", maxLength = 1000) @Size(max = 1000) String note) {

    public DeadlineRule {
        extensions = extensions == null ? List.of() : extensions;
    }

    /** What the period is counted from. */
    public enum Start {
        ACT, LAST_ACT
    }

    /** What a month period does when the later month is shorter. */
    public enum MonthEnd {
        LAST_DAY_OF_MONTH, FIRST_DAY_OF_NEXT_MONTH
    }

    /** A longer period that applies only under a condition, or a discretion with no fixed period (null). */
    @Schema(description = "A longer time limit that applies only under a condition")
    public record Extension(
            @Schema(nullable = true, description = "The longer period; null when it is a discretion with no fixed end") @Valid Length period,
            @Schema(required = true, maxLength = 1000, example = "A state or local agency enforces a law against the same discrimination") @NotBlank @Size(max = 1000) String condition) {
    }

    /** The same rule with another period (for an extension). */
    DeadlineRule withPeriod(Length other) {
        return new DeadlineRule(id, label, other, from, lessOneDay, monthEnd, nextWorkingDay, pause, extensions, note);
    }
}
