package org.kindred.accounts.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ChangePasswordRequest")
public record ChangePasswordRequest(
        @NotNull @Size(max = 128) @Schema(required = true, maxLength = 128) String currentPassword,
        @NotNull @Size(min = 10, max = 128, message = "must be 10 to 128 characters") @Schema(required = true, minLength = 10, maxLength = 128, description = "Common or easily guessed passwords are refused") String newPassword) {
}
