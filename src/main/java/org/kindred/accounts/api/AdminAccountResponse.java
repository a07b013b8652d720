package org.kindred.accounts.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.openapi.ApiTypes;

@Schema(name = "AdminAccount", description = "An account as platform admins see it (no e-mail: admins act on handles)")
public record AdminAccountResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, ref = ApiTypes.HANDLE) String handle,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = ApiTypes.Role.class, maxItems = 3, uniqueItems = true) List<String> roles,
        @Schema(required = true, enumeration = {
                "ACTIVE", "SUSPENDED", "DELETED"}) String status,
        @Schema(required = true) Instant createdAt){
}
