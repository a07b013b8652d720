package org.kindred.pathways.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.groups.Basis;
import org.kindred.pathways.Area;
import org.kindred.pathways.DeadlineRule;
import org.kindred.platform.openapi.ApiTypes;

/** A complaint pathway: where it applies, who receives the complaint, the steps and the time limits as data. */
@Schema(description = "A complaint pathway. NOT LEGAL ADVICE: verify against `source` before relying on it; `verified: false` means nobody has yet.")
public record PathwayResponse(
        @Schema(required = true, maxLength = 80, example = "us-eeoc-charge") String id,
        @Schema(required = true, description = "ISO 3166-1 alpha-2", maxLength = 2, example = "US") String country,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = ApiTypes.RegionCode.class, maxItems = 10, description = "ISO 3166-2 subdivisions it is limited to; empty: the whole country", example = "[]") List<String> subdivisions,
        @Schema(required = true, maxLength = 200, example = "Charge of discrimination with the EEOC") String name,
        @Schema(required = true, maxLength = 1000) String summary,
        @Schema(required = true, maxItems = 7) List<Area> areas,
        @Schema(required = true, maxItems = 10) List<Basis> bases,
        @Schema(required = true) BodyResponse body,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = Step.class, maxItems = 20, description = "What to do, in order") List<String> steps,
        @Schema(required = true, maxItems = 10, description = "The time limits, as data") List<DeadlineRule> deadlines,
        @Schema(required = true, description = "Official page the entry was checked against", maxLength = 2048, format = "uri", example = "https://www.eeoc.gov/time-limits-filing-charge") String source,
        @Schema(required = true, type = SchemaType.STRING, implementation = String.class, format = "date", maxLength = 10, description = "When the entry was verified against its source or, while `verified` is false, only compiled from it", example = "2026-12-05") LocalDate checked,
        @Schema(required = true, maxLength = 1000) String notLegalAdvice,
        @Schema(required = true, description = "False until a curator has verified the entry against its `source` (then `checked` is the day of that verification); while false, `checked` is only the day it was compiled. Every pathway must be verified against its source before anyone relies on it") boolean verified) {

    /** One step of a pathway, in plain language. */
    @Schema(name = "PathwayStep", type = SchemaType.STRING, maxLength = 1000, example = "Notify ACAS for early conciliation before the tribunal deadline.")
    public static final class Step {
        private Step() {
        }
    }
}
