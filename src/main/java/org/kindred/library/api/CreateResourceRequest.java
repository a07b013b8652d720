package org.kindred.library.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.groups.Basis;
import org.kindred.groups.Topic;
import org.kindred.library.Cost;
import org.kindred.library.ResourceType;
import org.kindred.platform.openapi.ApiTypes;
import org.kindred.platform.validation.HttpUrl;
import org.kindred.platform.validation.LanguageTag;

@Schema(name = "CreateResourceRequest", description = "A new resource. Created by an admin it is published at once; "
        + "submitted by a partner (X-Api-Key) it waits in PENDING_REVIEW until an admin publishes it.")
public record CreateResourceRequest(
        @NotNull @Schema(required = true, example = "HELPLINE") ResourceType type,
        @NotBlank @Size(max = 200) @Pattern(regexp = ResourceRules.SINGLE_LINE, message = "must not contain control characters") @Schema(required = true, maxLength = 200, example = "Switchboard LGBT+ Helpline") String title,
        @NotBlank @Size(max = 2000) @Schema(required = true, maxLength = 2000, example = "A listening service for LGBTQIA+ people, by phone, e-mail and chat.") String summary,
        @NotNull @HttpUrl @Schema(required = true, maxLength = 2048, format = "uri", description = "http or https; one live resource per page", example = "https://switchboard.lgbt/") String url,
        @NotNull @Valid @Schema(required = true) Organization organization,
        @Size(max = 10) @Schema(description = "Grounds of discrimination it is for; omit or `[]` when not specific", example = "[\"SEXUAL_ORIENTATION\", \"GENDER_IDENTITY\"]") List<@NotNull Basis> bases,
        @Size(max = 11) @Schema(description = "What it helps with", example = "[\"WELLBEING_COPING\"]") List<@NotNull Topic> topics,
        @NotNull @Size(min = 1, max = 60) @Schema(required = true, description = "ISO 3166-1 alpha-2 codes in upper case, or exactly `[\"GLOBAL\"]`", example = "[\"GB\"]", type = SchemaType.ARRAY, implementation = ApiTypes.ServiceArea.class) List<@NotNull @ServiceArea String> countries,
        @Size(max = 50) @Schema(description = "ISO 3166-2 subdivisions of those countries it is limited to, e.g. `GB-SCT`", example = "[]", type = SchemaType.ARRAY, implementation = ApiTypes.RegionCode.class) List<@NotNull @Pattern(regexp = ResourceRules.REGION, message = "must be an ISO 3166-2 subdivision code, e.g. GB-SCT") String> regions,
        @NotNull @Size(min = 1, max = 20) @Schema(required = true, description = "BCP 47 tags", example = "[\"en\"]", type = SchemaType.ARRAY, implementation = ApiTypes.LanguageTag.class) List<@NotNull @LanguageTag String> languages,
        @Size(max = 40) @Pattern(regexp = ResourceRules.PHONE, message = "must be a phone number of digits, spaces, dashes, dots and parentheses, optionally starting with +") @Schema(nullable = true, maxLength = 40, example = "0800 0119 100") String phone,
        @Size(max = 40) @Pattern(regexp = ResourceRules.PHONE, message = "must be a phone number of digits, spaces, dashes, dots and parentheses, optionally starting with +") @Schema(nullable = true, maxLength = 40, example = "85258") String sms,
        @Size(max = 254) @Email(regexp = ".+@.+\\..+", message = "must be an e-mail address") @Schema(nullable = true, maxLength = 254, pattern = "^.+@.+\\..+$", example = "chris@switchboard.lgbt") String email,
        @Size(max = 500) @Schema(nullable = true, maxLength = 500, example = "10:00 to 22:00 every day") String hours,
        @Schema(description = "Answers around the clock; defaults to false", example = "false") Boolean available24x7,
        @NotNull @Schema(required = true, example = "FREE") Cost cost,
        @Size(max = 1000) @Schema(nullable = true, maxLength = 1000, example = "LGBTQIA+ people and anyone exploring their sexuality or gender identity") String eligibility) {
}
