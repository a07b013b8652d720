package org.kindred.accounts.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LoginRequest", description = "Sign in with `email` or with `handle` (exactly one of them) and the password")
public record LoginRequest(
        @Size(max = 254) @Schema(maxLength = 254, description = "The account's e-mail. Send exactly one of `email` and `handle`", example = "amara@example.org") String email,
        @Size(max = 30) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") @Schema(maxLength = 30, description = "The account's handle, for members who joined without an e-mail (any member may use it). Send exactly one of `email` and `handle`", example = "amara_k") String handle,
        @NotNull @Size(max = 128) @Schema(maxLength = 128, example = "purple-otter-sings-at-dawn", required = true) String password,
        @Size(max = 64) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") @Schema(maxLength = 64, description = "Optional name of this device or app, shown in your own session list (GET /api/v1/me/sessions) only", example = "Firefox on Linux") String deviceLabel) {
}
