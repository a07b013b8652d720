package org.kindred.accounts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PasswordResetRequest")
public record PasswordResetRequest(
        @NotBlank @Size(max = 254) @Schema(required = true, maxLength = 254, description = "The account's sign-in e-mail", example = "amara@example.org") String email) {
}
