package org.kindred.groups.api;

import java.time.Instant;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.groups.MembershipRole;

@Schema(name = "UpdateMemberRequest", description = "A moderation decision on one membership. `status`: ACTIVE approves a pending "
        + "request or lifts a ban; DENIED refuses a pending request; BANNED bans (optionally until `bannedUntil`). "
        + "`role` is for owners only: MODERATOR grants or removes moderation, OWNER shares ownership (to transfer it, "
        + "grant OWNER and then step down).")
public record UpdateMemberRequest(
        @Schema(enumeration = {
                "ACTIVE", "DENIED", "BANNED"}) DecisionStatus status,
        MembershipRole role,
        @Size(max = 500) @Schema(maxLength = 500, description = "Why; shown to the member for denials and bans", example = "Shared another member's workplace") String reason,
        @Schema(description = "End of a ban (RFC 3339, in the future); omit for a ban without end", example = "2026-12-31T00:00:00Z") Instant bannedUntil){

    public enum DecisionStatus {
        ACTIVE, DENIED, BANNED
    }
}
