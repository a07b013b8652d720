package org.kindred.accounts.api;

import java.util.Set;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AdminUpdateAccountRequest", description = "Absent fields are unchanged.")
public record AdminUpdateAccountRequest(
        @Schema(description = "The platform roles besides `member`; replaces the current set", example = "[\"professional\"]", maxItems = 2, uniqueItems = true) Set<PlatformRole> roles,
        @Schema(description = "SUSPENDED signs the account out everywhere at once and blocks sign-in; ACTIVE lifts a suspension") AdminAccountStatus status,
        @Size(max = 500) @Schema(description = "Why (kept for the audit trail)", maxLength = 500) String reason) {

    public enum AdminAccountStatus {
        ACTIVE, SUSPENDED
    }
}
