package org.kindred.groups.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.groups.Basis;
import org.kindred.groups.Topic;
import org.kindred.groups.Visibility;
import org.kindred.memberships.api.MyMembershipResponse;

@Schema(name = "GroupSummary", description = "A group in the directory (without its rules text; GET the group for it)")
public record GroupSummaryResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "black-women-in-tech") String slug,
        @Schema(required = true, example = "Black women in tech") String name,
        @Schema(required = true) String description,
        @Schema(required = true) List<Basis> bases,
        @Schema(required = true) List<Topic> topics,
        @Schema(required = true, example = "en") String language,
        @Schema(required = true) Visibility visibility,
        @Schema(required = true, example = "3") int rulesVersion,
        @Schema(required = true) boolean facilitated,
        @Schema(required = true, example = "128") int memberCount,
        @Schema(required = true, example = "342") int postCount,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true) MyMembershipResponse myMembership) {
}
