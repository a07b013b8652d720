package org.kindred.groups.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.openapi.ApiTypes;

@Schema(name = "MemberAccount", description = "The public face of a member")
public record AccountRef(
        @Schema(required = true) UUID id,
        @Schema(required = true, ref = ApiTypes.HANDLE, example = "amara_k") String handle,
        @Schema(nullable = true, example = "Amara", maxLength = 50) String displayName) {
}
