package org.kindred.safety.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.openapi.ApiTypes;
import org.kindred.platform.validation.CountryCode;
import org.kindred.platform.validation.LanguageTag;

@Schema(name = "SafetyCheckRequest", description = "A text to check, typically a post or reply before it is sent")
public record SafetyCheckRequest(
        @NotBlank @Size(max = PostText.BODY_MAX_LENGTH) @Schema(required = true, maxLength = PostText.BODY_MAX_LENGTH, description = "The text, as long as a post body at most "
                + "(10000 characters, counted in UTF-16 code units). Never stored, never logged.", example = "Third rejection this month, they told me to go back to my country. Call me on 020 7946 0958 if you went through this.") String text,

        @CountryCode @Schema(minLength = 2, maxLength = 2, pattern = ApiTypes.COUNTRY_CODE_PATTERN, description = "ISO 3166-1 alpha-2 country whose crisis lines to return; defaults to the country in your profile, "
                + "and without one the international lines are returned", example = "GB") String country,

        @LanguageTag @Schema(ref = ApiTypes.LANGUAGE_TAG, description = "BCP 47 language of the text, if known. A hint only: every supported language (en, es, fr, de, pt, ar, tr, pl, uk, ru) "
                + "is checked whatever it says, because posts mix languages; it only helps when a sentence's language is unclear", example = "en") String language) {
}
