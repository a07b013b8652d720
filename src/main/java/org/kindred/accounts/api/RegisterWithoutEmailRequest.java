package org.kindred.accounts.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.openapi.ApiTypes;
import org.kindred.platform.validation.CountryCode;
import org.kindred.platform.validation.LanguageTag;

@Schema(name = "RegisterWithoutEmailRequest", description = "Joining without an e-mail address: the fields of RegisterRequest except `email`")
public record RegisterWithoutEmailRequest(
        @NotNull @Size(min = 10, max = 128, message = "must be 10 to 128 characters") @Schema(description = "At least 10 characters; common or easily guessed passwords are refused", minLength = 10, maxLength = 128, example = "purple-otter-sings-at-dawn", required = true) String password,

        @NotNull @Pattern(regexp = "[a-z0-9_]{3,30}", message = "must be 3 to 30 characters of a-z, 0-9 and _") @Schema(description = "Public pseudonym, 3 to 30 characters of `a-z`, `0-9`, `_`; also the sign-in name (POST /api/v1/auth/login with `handle`)", pattern = "^[a-z0-9_]{3,30}$", minLength = 3, maxLength = 30, example = "amara_k", required = true) String handle,

        @Size(max = 50) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") @Schema(description = "Name shown next to the handle", maxLength = 50, example = "Amara") String displayName,

        @CountryCode @Schema(description = "ISO 3166-1 alpha-2 country; used to find crisis lines and resources near you", ref = ApiTypes.COUNTRY_CODE, example = "GB") String country,

        @Size(max = 10) @Schema(description = "BCP 47 language tags, most preferred first (at most 10)", example = "[\"en\", \"pt-BR\"]", type = SchemaType.ARRAY, implementation = ApiTypes.LanguageTag.class) List<@NotNull @LanguageTag String> languages,

        @NotNull @Schema(description = "Version of the community guidelines the person accepted (see GET /api/v1/guidelines); must be the current one", example = "1", required = true, minimum = "1", maximum = "2147483647") Integer acceptGuidelinesVersion,

        @Min(1900) @Max(2100) @Schema(description = "Optional; Kindred is for people aged 16 and over", example = "1994") Integer birthYear) {
}
