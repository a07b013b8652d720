package org.kindred.pathways.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The time limits of every pathway that applies to an incident, earliest first. */
@Schema(description = "The time limits of every pathway that applies to the incident, earliest first. NOT LEGAL ADVICE.")
public record DeadlinesResponse(
        @Schema(required = true, type = SchemaType.STRING, implementation = String.class, format = "date", maxLength = 10, example = "2026-03-02") LocalDate incidentDate,
        @Schema(nullable = true, type = SchemaType.STRING, implementation = String.class, format = "date", maxLength = 10, description = "The last act of a continuing course of conduct, if given", example = "2026-04-15") LocalDate lastActDate,
        @Schema(required = true, minimum = "0", maximum = "3660", description = "Days the clock was paused (applied only to rules that allow a pause)", example = "0") int pausedDays,
        @Schema(required = true, description = "IANA time zone that `today` and `daysLeft` are in", maxLength = 64, example = "America/Los_Angeles") String timeZone,
        @Schema(required = true, type = SchemaType.STRING, implementation = String.class, format = "date", maxLength = 10, description = "Today in `timeZone`", example = "2026-07-20") LocalDate today,
        @Schema(required = true, maxItems = 200) List<ComputedDeadline> items,
        @Schema(required = true, maxLength = 1000) String notLegalAdvice) {
}
