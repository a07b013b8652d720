package org.kindred.groups.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.groups.MembershipRole;
import org.kindred.groups.MembershipStatus;

@Schema(name = "MyMembership", description = "Your own membership in a group")
public record MyMembershipResponse(
        @Schema(required = true) MembershipRole role,
        @Schema(required = true) MembershipStatus status,
        @Schema(required = true, description = "The rules version you accepted", example = "2", minimum = "0", maximum = "2147483647") int rulesVersionAccepted,
        @Schema(required = true, description = "False when the rules changed since you accepted them: accept them again before posting") boolean rulesCurrent,
        @Schema(nullable = true, description = "When you became an active member") Instant joinedAt,
        @Schema(nullable = true, description = "Set while you are banned; null means a ban without end") Instant bannedUntil) {
}
