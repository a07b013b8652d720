package org.kindred.accounts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecoveryCodeRedemption", description = "A recovery code, the account it belongs to and the new password")
public record RecoveryCodeRedemption(
        @NotBlank @Size(max = 30) @Schema(required = true, maxLength = 30, description = "The account's handle (case is ignored)", example = "quiet_river") String handle,
        @NotBlank @Size(max = 40) @Schema(required = true, maxLength = 40, description = "One of the account's recovery codes, as printed; case, spaces and hyphens are ignored", example = "7k2m-q9xd-4hbn") String code,
        @NotNull @Size(min = 10, max = 128, message = "must be 10 to 128 characters") @Schema(required = true, minLength = 10, maxLength = 128, description = "Same rules as at registration", example = "amber-fjord-lantern-42") String newPassword) {
}
