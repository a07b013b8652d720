package org.kindred.groups.api;

import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.groups.Basis;
import org.kindred.groups.Topic;
import org.kindred.groups.Visibility;
import org.kindred.platform.openapi.ApiTypes;
import org.kindred.platform.validation.LanguageTag;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Merge patch of a group: absent fields stay. A class, not a record, so that absent and null differ. */
@Schema(name = "UpdateGroupRequest", description = "Merge patch: absent fields stay as they are; none of these fields may be null. "
        + "Changing `rules` bumps `rulesVersion`; members must accept the new rules before they post again. "
        + "`visibility` and `facilitated` are owner-only.")
public final class UpdateGroupRequest {

    @JsonProperty
    @Schema(minLength = 3, maxLength = 80, example = "Black women in tech (UK)")
    private Optional<@Size(min = 3, max = 80) String> name;

    @JsonProperty
    @Schema(maxLength = 2000)
    private Optional<@Size(min = 1, max = 2000) String> description;

    @JsonProperty
    @Schema(example = "[\"RACE_ETHNICITY\"]", minItems = 1, maxItems = 10, uniqueItems = true)
    private Optional<@Size(min = 1, max = 10) Set<@NotNull Basis>> bases;

    @JsonProperty
    @Schema(example = "[\"WORKPLACE\", \"REPORTING_LEGAL\"]", minItems = 1, maxItems = 11, uniqueItems = true)
    private Optional<@Size(min = 1, max = 11) Set<@NotNull Topic>> topics;

    @JsonProperty
    @Schema(example = "en-GB", ref = ApiTypes.LANGUAGE_TAG)
    private Optional<@LanguageTag String> language;

    @JsonProperty
    private Optional<Visibility> visibility;

    @JsonProperty
    @Schema(maxLength = 5000)
    private Optional<@Size(min = 1, max = 5000) String> rules;

    @JsonProperty
    private Optional<Boolean> facilitated;

    public Optional<String> name() {
        return name;
    }

    public Optional<String> description() {
        return description;
    }

    public Optional<Set<Basis>> bases() {
        return bases;
    }

    public Optional<Set<Topic>> topics() {
        return topics;
    }

    public Optional<String> language() {
        return language;
    }

    public Optional<Visibility> visibility() {
        return visibility;
    }

    public Optional<String> rules() {
        return rules;
    }

    public Optional<Boolean> facilitated() {
        return facilitated;
    }
}
