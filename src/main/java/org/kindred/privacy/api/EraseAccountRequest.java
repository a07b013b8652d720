package org.kindred.privacy.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EraseAccountRequest", description = "Confirms the erasure of your account")
public record EraseAccountRequest(
        @NotNull @Size(max = 128) @Schema(required = true, maxLength = 128, description = "Your current password") String password,
        @NotNull @Schema(required = true, description = "`true`: your posts, replies and reactions are removed too. `false`: they stay, "
                + "shown as written by a deleted member") Boolean removeContent) {
}
