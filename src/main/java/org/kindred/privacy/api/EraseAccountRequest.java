package org.kindred.privacy.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EraseAccountRequest", description = "Confirms the erasure of your account")
public record EraseAccountRequest(
        @NotNull @Size(max = 128) @Schema(required = true, maxLength = 128, description = "Your current password") String password,
        @NotNull @Schema(required = true, description = "`true`: your posts, replies and reactions are removed too: named ones at once, "
                + "anonymous ones at a random moment within 14 days (removed at the moment you leave, they would show "
                + "everyone which anonymous posts were yours; delete them yourself first if they must go now). `false`: "
                + "they stay, shown as written by a deleted member (anonymous ones stay anonymous)") Boolean removeContent) {
}
