package org.kindred.accounts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LoginRequest")
public record LoginRequest(
        @NotBlank @Size(max = 254) @Schema(maxLength = 254, example = "amara@example.org", required = true) String email,
        @NotNull @Size(max = 128) @Schema(maxLength = 128, example = "purple-otter-sings-at-dawn", required = true) String password,
        @Size(max = 64) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") @Schema(maxLength = 64, description = "Optional name of this device or app, shown in your own session list (GET /api/v1/me/sessions) only", example = "Firefox on Linux") String deviceLabel) {
}
