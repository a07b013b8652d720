package org.kindred.groups.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.groups.MembershipRole;
import org.kindred.groups.MembershipStatus;
import org.kindred.groups.Visibility;

@Schema(name = "MyGroupMembership", description = "One of your memberships or requests")
public record MyGroupMembershipResponse(
        @Schema(required = true) GroupRef group,
        @Schema(required = true) MembershipRole role,
        @Schema(required = true) MembershipStatus status,
        @Schema(required = true, example = "2", minimum = "0", maximum = "2147483647") int rulesVersionAccepted,
        @Schema(required = true, description = "False when the group's rules changed since you accepted them") boolean rulesCurrent,
        @Schema(required = true) Instant requestedAt,
        @Schema(nullable = true) Instant joinedAt,
        @Schema(nullable = true, description = "Why a request was denied or a ban was given", maxLength = 500) String reason,
        @Schema(nullable = true) Instant bannedUntil) {

    @Schema(name = "GroupRef")
    public record GroupRef(
            @Schema(required = true) UUID id,
            @Schema(required = true, example = "black-women-in-tech", maxLength = 80, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$") String slug,
            @Schema(required = true, example = "Black women in tech", maxLength = 80) String name,
            @Schema(required = true) Visibility visibility,
            @Schema(required = true) boolean archived) {
    }
}
