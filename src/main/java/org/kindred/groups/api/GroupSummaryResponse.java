package org.kindred.groups.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.groups.Basis;
import org.kindred.groups.Topic;
import org.kindred.groups.Visibility;
import org.kindred.platform.openapi.ApiTypes;

@Schema(name = "GroupSummary", description = "A group in the directory (without its rules text; GET the group for it)")
public record GroupSummaryResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "black-women-in-tech", maxLength = 80, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$") String slug,
        @Schema(required = true, example = "Black women in tech", maxLength = 80) String name,
        @Schema(required = true, maxLength = 2000) String description,
        @Schema(required = true, maxItems = 10, uniqueItems = true) List<Basis> bases,
        @Schema(required = true, maxItems = 11, uniqueItems = true) List<Topic> topics,
        @Schema(required = true, ref = ApiTypes.LANGUAGE_TAG, example = "en") String language,
        @Schema(required = true) Visibility visibility,
        @Schema(required = true, example = "3", minimum = "1", maximum = "2147483647") int rulesVersion,
        @Schema(required = true) boolean facilitated,
        @Schema(required = true, example = "128", minimum = "0", maximum = "2147483647") int memberCount,
        @Schema(required = true, example = "342", minimum = "0", maximum = "2147483647") int postCount,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true) MyMembershipResponse myMembership) {
}
