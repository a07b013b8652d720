package org.kindred.library.api;

import java.util.List;
import java.util.Optional;

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

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * JSON Merge Patch (RFC 7396) of a resource. An absent field stays (its accessor returns {@code null}); a field sent
 * as {@code null} returns {@code Optional.empty()} and clears it where that is allowed. A class rather than a record,
 * because Jackson fills absent record components with {@code Optional.empty()} and the difference would be lost.
 */
@Schema(name = "UpdateResourceRequest", description = "Merge patch: absent fields are unchanged; `null` clears `phone`, `sms`, `email`, `hours`, "
        + "`eligibility` and `organization.url`; lists are replaced as a whole (`[]` empties `bases`, `topics` and `regions`). "
        + "Status changes have their own endpoints (publish, DELETE to archive).")
public final class UpdateResourceRequest {

    @JsonProperty
    @Schema(example = "HELPLINE")
    private Optional<ResourceType> type;

    @JsonProperty
    @Schema(maxLength = 200, example = "Switchboard LGBT+ Helpline")
    private Optional<@NotBlank @Size(max = 200) @Pattern(regexp = ResourceRules.SINGLE_LINE, message = "must not contain control characters") String> title;

    @JsonProperty
    @Schema(maxLength = 2000, example = "A listening service for LGBTQIA+ people, by phone, e-mail and chat.")
    private Optional<@NotBlank @Size(max = 2000) String> summary;

    @JsonProperty
    @Schema(maxLength = 2048, format = "uri", example = "https://switchboard.lgbt/")
    private Optional<@HttpUrl String> url;

    @JsonProperty
    @Schema(description = "Merged field by field, like the rest of the patch")
    private Optional<@Valid OrganizationPatch> organization;

    @JsonProperty
    @Schema(example = "[\"SEXUAL_ORIENTATION\"]", maxItems = 10)
    private Optional<@Size(max = 10) List<@NotNull Basis>> bases;

    @JsonProperty
    @Schema(example = "[\"WELLBEING_COPING\"]", maxItems = 11)
    private Optional<@Size(max = 11) List<@NotNull Topic>> topics;

    @JsonProperty
    @Schema(description = "ISO 3166-1 alpha-2 codes, or exactly `[\"GLOBAL\"]`", example = "[\"GB\"]", type = SchemaType.ARRAY, implementation = ApiTypes.ServiceArea.class, minItems = 1, maxItems = 60)
    private Optional<@Size(min = 1, max = 60) List<@NotNull @ServiceArea String>> countries;

    @JsonProperty
    @Schema(example = "[\"GB-SCT\"]", type = SchemaType.ARRAY, implementation = ApiTypes.RegionCode.class, maxItems = 50)
    private Optional<@Size(max = 50) List<@NotNull @Pattern(regexp = ResourceRules.REGION, message = "must be an ISO 3166-2 subdivision code, e.g. GB-SCT") String>> regions;

    @JsonProperty
    @Schema(example = "[\"en\", \"cy\"]", type = SchemaType.ARRAY, implementation = ApiTypes.LanguageTag.class, minItems = 1, maxItems = 20)
    private Optional<@Size(min = 1, max = 20) List<@NotNull @LanguageTag String>> languages;

    @JsonProperty
    @Schema(nullable = true, maxLength = 40, pattern = "^" + ResourceRules.PHONE + "$", example = "0800 0119 100")
    private Optional<@Size(max = 40) @Pattern(regexp = ResourceRules.PHONE, message = "must be a phone number of digits, spaces, dashes, dots and parentheses, optionally starting with +") String> phone;

    @JsonProperty
    @Schema(nullable = true, maxLength = 40, pattern = "^" + ResourceRules.PHONE + "$", example = "85258")
    private Optional<@Size(max = 40) @Pattern(regexp = ResourceRules.PHONE, message = "must be a phone number of digits, spaces, dashes, dots and parentheses, optionally starting with +") String> sms;

    @JsonProperty
    @Schema(nullable = true, maxLength = 254, pattern = "^.+@.+\\..+$", example = "chris@switchboard.lgbt")
    private Optional<@Size(max = 254) @Email(regexp = ".+@.+\\..+", message = "must be an e-mail address") String> email;

    @JsonProperty
    @Schema(nullable = true, maxLength = 500, example = "10:00 to 22:00 every day")
    private Optional<@Size(max = 500) String> hours;

    @JsonProperty
    @Schema(example = "true")
    private Optional<Boolean> available24x7;

    @JsonProperty
    @Schema(example = "FREE")
    private Optional<Cost> cost;

    @JsonProperty
    @Schema(nullable = true, maxLength = 1000, example = "Anyone aged 16 or over")
    private Optional<@Size(max = 1000) String> eligibility;

    public Optional<ResourceType> type() {
        return type;
    }

    public Optional<String> title() {
        return title;
    }

    public Optional<String> summary() {
        return summary;
    }

    public Optional<String> url() {
        return url;
    }

    public Optional<OrganizationPatch> organization() {
        return organization;
    }

    public Optional<List<Basis>> bases() {
        return bases;
    }

    public Optional<List<Topic>> topics() {
        return topics;
    }

    public Optional<List<String>> countries() {
        return countries;
    }

    public Optional<List<String>> regions() {
        return regions;
    }

    public Optional<List<String>> languages() {
        return languages;
    }

    public Optional<String> phone() {
        return phone;
    }

    public Optional<String> sms() {
        return sms;
    }

    public Optional<String> email() {
        return email;
    }

    public Optional<String> hours() {
        return hours;
    }

    public Optional<Boolean> available24x7() {
        return available24x7;
    }

    public Optional<Cost> cost() {
        return cost;
    }

    public Optional<String> eligibility() {
        return eligibility;
    }

    /** Merge patch of the organisation: absent stays, {@code url: null} clears the URL. */
    @Schema(name = "OrganizationPatch")
    public static final class OrganizationPatch {

        @JsonProperty
        @Schema(maxLength = 200, example = "Switchboard")
        private Optional<@NotBlank @Size(max = 200) @Pattern(regexp = ResourceRules.SINGLE_LINE, message = "must not contain control characters") String> name;

        @JsonProperty
        @Schema(nullable = true, maxLength = 2048, format = "uri", example = "https://switchboard.lgbt/")
        private Optional<@HttpUrl String> url;

        public Optional<String> name() {
            return name;
        }

        public Optional<String> url() {
            return url;
        }
    }
}
