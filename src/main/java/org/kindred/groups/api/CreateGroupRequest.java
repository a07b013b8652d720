package org.kindred.groups.api;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.groups.Basis;
import org.kindred.groups.Topic;
import org.kindred.groups.Visibility;
import org.kindred.platform.openapi.ApiTypes;
import org.kindred.platform.validation.LanguageTag;

@Schema(name = "CreateGroupRequest")
public record CreateGroupRequest(
        @NotBlank @Size(min = 3, max = 80) @Schema(required = true, minLength = 3, maxLength = 80, example = "Black women in tech") String name,

        @NotBlank @Size(max = 2000) @Schema(required = true, maxLength = 2000, example = "A place to talk about racism and sexism at work, and what helped.") String description,

        @NotEmpty @Size(max = 10) @Schema(required = true, description = "Grounds of discrimination the group is about (1 to 10)", example = "[\"RACE_ETHNICITY\", \"SEX_GENDER\"]") Set<@NotNull Basis> bases,

        @NotEmpty @Size(max = 11) @Schema(required = true, description = "Where it happens, or what the group is for (1 to 11)", example = "[\"WORKPLACE\"]") Set<@NotNull Topic> topics,

        @NotNull @LanguageTag @Schema(required = true, description = "BCP 47 language of the group's conversations", ref = ApiTypes.LANGUAGE_TAG, example = "en") String language,

        @NotNull @Schema(required = true, description = "PUBLIC: listed, anyone joins. PRIVATE: listed, joining needs approval. HIDDEN: unlisted, invite only.") Visibility visibility,

        @NotBlank @Size(max = 5000) @Schema(required = true, maxLength = 5000, description = "The group's own rules, shown before joining; every change bumps `rulesVersion`", example = "1. Believe each other. 2. No names of people or workplaces. 3. Use content warnings.") String rules,

        @Schema(description = "A verified professional (counsellor, lawyer, facilitator) takes part. Only professionals and admins may set it.", defaultValue = "false") Boolean facilitated) {
}
