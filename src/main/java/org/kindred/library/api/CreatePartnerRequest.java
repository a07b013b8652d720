package org.kindred.library.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.validation.HttpUrl;

@Schema(name = "CreatePartnerRequest")
public record CreatePartnerRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = ResourceRules.SINGLE_LINE, message = "must not contain control characters") @Schema(required = true, maxLength = 200, description = "Unique (case-insensitive)", example = "Riverside Law Centre") String name,
        @HttpUrl @Schema(nullable = true, maxLength = 2048, format = "uri", example = "https://riverside-law.example.org/") String url,
        @Size(max = 254) @Email(regexp = ".+@.+\\..+", message = "must be an e-mail address") @Schema(nullable = true, maxLength = 254, pattern = "^.+@.+\\..+$", description = "How curators reach the organisation; never public", example = "web@riverside-law.example.org") String contactEmail) {
}
