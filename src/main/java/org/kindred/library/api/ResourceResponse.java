package org.kindred.library.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.groups.Basis;
import org.kindred.groups.Topic;
import org.kindred.library.Cost;
import org.kindred.library.ResourceStatus;
import org.kindred.library.ResourceType;
import org.kindred.platform.openapi.ApiTypes;

@Schema(name = "Resource", description = "A curated resource, after Open Referral HSDS 3.0: a helpline, a body where complaints are filed, "
        + "a legal-aid organisation, a guide. `countries` is its service area: ISO 3166-1 alpha-2 codes, or `[\"GLOBAL\"]` for "
        + "resources available everywhere.")
public record ResourceResponse(
        @Schema(required = true, example = "3f8a2c1e-6b1d-4c52-9e3a-0c1b2d3e4f50") UUID id,
        @Schema(required = true, example = "CRISIS_LINE") ResourceType type,
        @Schema(required = true, maxLength = 200, example = "Samaritans") String title,
        @Schema(required = true, maxLength = 2000, example = "Free, confidential emotional support by phone, any time, for anyone who is struggling to cope.") String summary,
        @Schema(required = true, maxLength = 2048, format = "uri", example = "https://www.samaritans.org/") String url,
        @Schema(required = true) Organization organization,
        @Schema(required = true, description = "Grounds of discrimination it is for; `[]` means not specific to one", maxItems = 10) List<Basis> bases,
        @Schema(required = true, description = "What it helps with", example = "[\"WELLBEING_COPING\"]", maxItems = 11) List<Topic> topics,
        @Schema(required = true, description = "ISO 3166-1 alpha-2 codes, or `[\"GLOBAL\"]`", example = "[\"GB\", \"IE\"]", type = SchemaType.ARRAY, implementation = ApiTypes.ServiceArea.class, minItems = 1, maxItems = 60) List<String> countries,
        @Schema(required = true, description = "ISO 3166-2 subdivisions it is limited to; `[]` means the whole of each country", example = "[]", type = SchemaType.ARRAY, implementation = ApiTypes.RegionCode.class, maxItems = 50) List<String> regions,
        @Schema(required = true, description = "BCP 47 tags of the languages it is offered in", example = "[\"en\"]", type = SchemaType.ARRAY, implementation = ApiTypes.LanguageTag.class, minItems = 1, maxItems = 20) List<String> languages,
        @Schema(nullable = true, maxLength = 40, pattern = "^" + ResourceRules.PHONE
                + "$", example = "116 123") String phone,
        @Schema(nullable = true, maxLength = 40, pattern = "^" + ResourceRules.PHONE
                + "$", description = "Number to text", example = "85258") String sms,
        @Schema(nullable = true, maxLength = 254, pattern = "^.+@.+\\..+$", example = "jo@samaritans.org") String email,
        @Schema(nullable = true, maxLength = 500, description = "Opening hours, as text", example = "24 hours a day, 365 days a year") String hours,
        @Schema(required = true, example = "true") boolean available24x7,
        @Schema(required = true, example = "FREE") Cost cost,
        @Schema(nullable = true, maxLength = 1000, description = "Who may use it (HSDS eligibility)", example = "Anyone aged 16 or over") String eligibility,
        @Schema(required = true, description = "When a curator last confirmed the details") Instant lastVerifiedAt,
        @Schema(required = true, description = "Not verified for longer than the configured period (365 days by default); double-check before relying on it", example = "false") boolean stale,
        @Schema(required = true, description = "Only PUBLISHED resources are public; partners see their own PENDING_REVIEW submissions; ARCHIVED ones appear only as delta-sync tombstones", example = "PUBLISHED") ResourceStatus status,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {
}
