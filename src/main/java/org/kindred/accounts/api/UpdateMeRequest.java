package org.kindred.accounts.api;

import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.accounts.ContentWarning;
import org.kindred.accounts.ContentWarningMode;
import org.kindred.platform.openapi.ApiTypes;
import org.kindred.platform.validation.CountryCode;
import org.kindred.platform.validation.LanguageTag;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * JSON Merge Patch (RFC 7396) of your profile. A field that is absent stays as it is (its accessor returns
 * {@code null}); a field sent as {@code null} returns {@code Optional.empty()}. A class rather than a record,
 * because Jackson fills absent record components with {@code Optional.empty()} and the difference would be lost.
 */
@Schema(name = "UpdateMeRequest", description = "Merge patch: absent fields are unchanged, `null` clears `displayName`, `country` and `birthYear`. "
        + "Changing `email` requires `currentPassword`. Fields not listed here (roles, handle, status, ...) are refused.")
public final class UpdateMeRequest {

    @JsonProperty
    @Schema(maxLength = 254, pattern = "^.+@.+\\..+$", example = "amara.new@example.org", description = "New sign-in e-mail; needs `currentPassword`")
    private Optional<@Size(max = 254) @Email(regexp = ".+@.+\\..+", message = "must be an e-mail address") String> email;

    @JsonProperty
    @Schema(description = "Required when changing `email`", maxLength = 128)
    private Optional<@Size(max = 128) String> currentPassword;

    @JsonProperty
    @Schema(maxLength = 50, nullable = true, example = "Amara")
    private Optional<@Size(max = 50) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String> displayName;

    @JsonProperty
    @Schema(nullable = true, example = "GB", description = "ISO 3166-1 alpha-2 country code in upper case", minLength = 2, maxLength = 2, pattern = ApiTypes.COUNTRY_CODE_PATTERN)
    private Optional<@CountryCode String> country;

    @JsonProperty
    @Schema(description = "BCP 47 tags, at most 10", example = "[\"en\", \"es\"]", type = SchemaType.ARRAY, implementation = ApiTypes.LanguageTag.class, maxItems = 10)
    private Optional<@Size(max = 10) List<@NotNull @LanguageTag String>> languages;

    @JsonProperty
    @Schema(nullable = true, example = "1994", minimum = "1900", maximum = "2100")
    private Optional<@Min(1900) @Max(2100) Integer> birthYear;

    @JsonProperty
    @Schema(description = "Content warnings to leave out of your feeds", example = "[\"SELF_HARM\", \"SLURS_QUOTED\"]", maxItems = 20)
    private Optional<@Size(max = 20) List<@NotNull ContentWarning>> hiddenContentWarnings;

    @JsonProperty
    @Schema(description = "How hidden content warnings apply to lists: `HIDE` leaves such posts out; `COLLAPSE` lists them with "
            + "the body withheld (`collapsed: true`) and the warnings shown; opening the post shows it", example = "COLLAPSE")
    private Optional<ContentWarningMode> contentWarningMode;

    public Optional<ContentWarningMode> contentWarningMode() {
        return contentWarningMode;
    }

    public Optional<String> email() {
        return email;
    }

    public Optional<String> currentPassword() {
        return currentPassword;
    }

    public Optional<String> displayName() {
        return displayName;
    }

    public Optional<String> country() {
        return country;
    }

    public Optional<List<String>> languages() {
        return languages;
    }

    public Optional<Integer> birthYear() {
        return birthYear;
    }

    public Optional<List<ContentWarning>> hiddenContentWarnings() {
        return hiddenContentWarnings;
    }
}
