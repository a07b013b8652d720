package org.kindred.accounts.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecoveryCodesRequest", description = "Proof that the signed-in person knows the password")
public record RecoveryCodesRequest(
        @NotNull @Size(max = 128) @Schema(required = true, maxLength = 128, example = "violet-kayak-ember-tundra-91") String currentPassword) {
}
