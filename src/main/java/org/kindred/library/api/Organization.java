package org.kindred.library.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.validation.HttpUrl;

@Schema(name = "Organization", description = "The organisation that provides the resource (HSDS organization)")
public record Organization(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") @Schema(required = true, maxLength = 200, example = "Samaritans") String name,
        @HttpUrl @Schema(nullable = true, maxLength = 2048, format = "uri", description = "The organisation's home page (http or https)", example = "https://www.samaritans.org/") String url) {
}
