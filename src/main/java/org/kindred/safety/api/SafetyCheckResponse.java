package org.kindred.safety.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.accounts.ContentWarning;
import org.kindred.library.api.ResourceResponse;
import org.kindred.platform.openapi.ApiTypes;
import org.kindred.safety.CrisisLevel;
import org.kindred.safety.CrisisSignal;
import org.kindred.safety.PersonalInfoSpan;

@Schema(name = "SafetyCheck", description = "What the safety check found in the text. Show it to the writer only: other members never learn of it.")
public record SafetyCheckResponse(
        @Schema(required = true) CrisisLevel crisis,

        @Schema(required = true, description = "Where the text reveals personal information, in order of `start`, never overlapping; `[]` when none. "
                + "Offer to remove or mask it before posting.") List<PersonalInfoSpan> personalInfo,

        @Schema(required = true, description = "Content warnings the text probably needs, in the order of the enum; `[]` when none. "
                + "Suggestions for the writer to accept or change, not decisions.", maxItems = 14, uniqueItems = true, example = "[\"XENOPHOBIA\"]") List<ContentWarning> suggestedContentWarnings,

        @Schema(required = true, description = "When `crisis` is CONCERN or URGENT: the crisis lines and helplines for `resourcesCountry` (the same list "
                + "as GET /api/v1/resources/crisis), those answering around the clock first. `[]` when `crisis` is NONE: "
                + "clients that always want to show help use the crisis endpoint.", maxItems = 50) List<ResourceResponse> resources,

        @Schema(nullable = true, description = "The country the lines were looked up for: the request's `country`, else your profile's; "
                + "null when neither is known or `crisis` is NONE", minLength = 2, maxLength = 2, pattern = ApiTypes.COUNTRY_CODE_PATTERN, example = "GB") String resourcesCountry,

        @Schema(required = true, description = "True when `resources` are international lines, because the country has none of its own or none "
                + "is known; false when `crisis` is NONE", example = "false") boolean resourcesInternational,

        @Schema(required = true, description = "Why `crisis` is what it is: the kinds of crisis language found (steps of the Columbia "
                + "Suicide Severity Rating Scale, plus hopelessness, burden, history and danger from others), in the order of the enum; `[]` "
                + "when `crisis` is NONE. Added in 2026-12; clients that do not know it can ignore it. A signal whose words a rule puts in "
                + "doubt (a hedge, a partial quote, a hypothetical) raises `crisis` only to CONCERN, and so does ACTIVE_IDEATION when the "
                + "writer says in a clause of their own that they will not act (\"I'm not going to do anything.\") and nothing points "
                + "to a method, plan, preparation, intent or imminence; so an URGENT signal may appear with CONCERN.", maxItems = 15, uniqueItems = true, example = "[\"PLAN\", \"IMMINENT\"]") List<CrisisSignal> signals,

        @Schema(nullable = true, description = "The language the text is mostly written in, as detected (writing system, then the most "
                + "frequent common words; the request's `language` only breaks ties): one of en, es, fr, de, pt, ar, tr, pl, uk, ru; "
                + "null when none of them can be told. Russian or Ukrainian written in Latin letters (\"ya uzhe ne mogu\") is read "
                + "back into Cyrillic, checked in both, and named ru or uk. Added in 2026-12; every language is checked whatever this "
                + "says.", minLength = 2, maxLength = 3, pattern = "^[a-z]{2,3}$", example = "en") String language) {

    /** The response without the 2026-12 fields' values: no signals, no language. */
    public SafetyCheckResponse(CrisisLevel crisis, List<PersonalInfoSpan> personalInfo,
            List<ContentWarning> suggestedContentWarnings, List<ResourceResponse> resources, String resourcesCountry,
            boolean resourcesInternational) {
        this(crisis, personalInfo, suggestedContentWarnings, resources, resourcesCountry, resourcesInternational,
                List.of(), null);
    }
}
