package org.kindred.pathways.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.openapi.ApiTypes;

/** One time limit of one pathway, computed for an incident. */
@Schema(description = "One time limit of one pathway, computed for the incident. NOT LEGAL ADVICE.")
public record ComputedDeadline(
        @Schema(required = true, maxLength = 80, example = "us-eeoc-charge") String pathwayId,
        @Schema(required = true, maxLength = 200, example = "Charge of discrimination with the EEOC") String pathwayName,
        @Schema(required = true, maxLength = 2, example = "US") String country,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = ApiTypes.RegionCode.class, maxItems = 10, example = "[]") List<String> subdivisions,
        @Schema(required = true) BodyResponse body,
        @Schema(required = true, maxLength = 60, example = "charge") String deadlineId,
        @Schema(required = true, maxLength = 300, example = "File a charge with the EEOC") String label,
        @Schema(required = true, type = SchemaType.STRING, implementation = String.class, format = "date", maxLength = 10, description = "The last day, on the rule's own reading", example = "2026-08-31") LocalDate date,
        @Schema(required = true, maxLength = 2000, example = "180 days from 2026-03-02 = 2026-08-29 (a Saturday: moved to the next working day, 2026-08-31; public holidays are not considered)") String explanation,
        @Schema(required = true, minimum = "-1000000", maximum = "1000000", description = "Days from today in the caller's time zone to `date`; 0 on the day itself, negative once it has passed", example = "42") long daysLeft,
        @Schema(required = true, description = "`date` is before today in the caller's time zone") boolean passed,
        @Schema(required = true, maxItems = 10, description = "Longer limits that apply only under a condition") List<ComputedExtension> extensions,
        @Schema(nullable = true, description = "What may pause the clock; null when nothing does", maxLength = 500) String pause,
        @Schema(nullable = true, description = "How the rule is read", maxLength = 1000) String note,
        @Schema(required = true, maxLength = 2048, format = "uri") String source,
        @Schema(required = true, type = SchemaType.STRING, implementation = String.class, format = "date", maxLength = 10, example = "2026-12-05") LocalDate checked,
        @Schema(required = true, maxLength = 1000) String notLegalAdvice,
        @Schema(required = true, description = "False until a curator has verified the entry against its `source` (then `checked` is the day of that verification); while false, `checked` is only the day it was compiled. Every pathway must be verified against its source before anyone relies on it") boolean verified) {

    /** A conditional longer limit, computed. */
    @Schema(description = "A longer limit that applies only under its condition")
    public record ComputedExtension(
            @Schema(nullable = true, type = SchemaType.STRING, implementation = String.class, format = "date", maxLength = 10, description = "The last day under the condition; null when it is a discretion with no fixed end", example = "2026-12-28") LocalDate date,
            @Schema(nullable = true, minimum = "-1000000", maximum = "1000000", description = "Days left to `date`; null when there is no date", example = "161") Long daysLeft,
            @Schema(required = true, maxLength = 1000) String condition,
            @Schema(required = true, maxLength = 2000, example = "300 days from 2026-03-02 = 2026-12-27 (a Sunday: moved to the next working day, 2026-12-28; public holidays are not considered) if a state or local agency enforces a law against the same discrimination") String explanation) {
    }
}
