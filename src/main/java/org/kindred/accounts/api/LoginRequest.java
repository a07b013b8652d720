package org.kindred.accounts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LoginRequest")
public record LoginRequest(
        @NotBlank @Size(max = 254) @Schema(maxLength = 254, example = "amara@example.org", required = true) String email,
        @NotNull @Size(max = 128) @Schema(maxLength = 128, example = "purple-otter-sings-at-dawn", required = true) String password) {
}
