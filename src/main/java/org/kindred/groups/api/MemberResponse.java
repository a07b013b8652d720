package org.kindred.groups.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.groups.MembershipRole;
import org.kindred.groups.MembershipStatus;

@Schema(name = "Member", description = "A membership. The request message, decision reason and ban end are shown to the group's moderators "
        + "and to the member themself; to others they are null.")
public record MemberResponse(
        @Schema(required = true) AccountRef account,
        @Schema(required = true) MembershipRole role,
        @Schema(required = true) MembershipStatus status,
        @Schema(nullable = true, description = "When the membership became active") Instant joinedAt,
        @Schema(required = true) Instant requestedAt,
        @Schema(nullable = true, maxLength = 1000) String requestMessage,
        @Schema(nullable = true, maxLength = 500) String reason,
        @Schema(nullable = true, description = "End of a ban; null with status BANNED means without end") Instant bannedUntil) {
}
