package org.kindred.accounts.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdminAccount", description = "An account as platform admins see it (no e-mail: admins act on handles)")
public record AdminAccountResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) String handle,
        @Schema(required = true) List<String> roles,
        @Schema(required = true, enumeration = {
                "ACTIVE", "SUSPENDED", "DELETED"}) String status,
        @Schema(required = true) Instant createdAt){
}
