package org.kindred.accounts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PasswordResetConfirmation")
public record PasswordResetConfirmation(
        @NotBlank @Size(max = 100) @Schema(required = true, maxLength = 100, description = "The `token` of the mailed reset link", pattern = "^kpr_[A-Za-z0-9_-]{43}$", example = "kpr_3q2-7wRk1m0p9ZLxYvB4cN8sT6uH5jD2fG0aE1iO9kQ") String token,
        @NotNull @Size(min = 10, max = 128, message = "must be 10 to 128 characters") @Schema(required = true, minLength = 10, maxLength = 128, example = "amber-fjord-lantern-42") String newPassword) {
}
