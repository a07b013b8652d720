package org.kindred.groups.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.groups.Basis;
import org.kindred.groups.Topic;
import org.kindred.groups.Visibility;
import org.kindred.platform.openapi.ApiTypes;

@Schema(name = "Group")
public record GroupResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, description = "URL-friendly name, unique; usable instead of the id. It never changes, except that a group that becomes HIDDEN gets a new slug with a random suffix: a HIDDEN group never holds the plain slug of its name", example = "black-women-in-tech", maxLength = 80, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$") String slug,
        @Schema(required = true, example = "Black women in tech", maxLength = 80) String name,
        @Schema(required = true, maxLength = 2000) String description,
        @Schema(required = true, maxItems = 10, uniqueItems = true) List<Basis> bases,
        @Schema(required = true, maxItems = 11, uniqueItems = true) List<Topic> topics,
        @Schema(required = true, ref = ApiTypes.LANGUAGE_TAG, example = "en") String language,
        @Schema(required = true) Visibility visibility,
        @Schema(required = true, description = "The group's rules", maxLength = 5000) String rules,
        @Schema(required = true, description = "Bumped on every change of `rules`", example = "3", minimum = "1", maximum = "2147483647") int rulesVersion,
        @Schema(required = true) boolean facilitated,
        @Schema(required = true, description = "Active members", example = "128", minimum = "0", maximum = "2147483647") int memberCount,
        @Schema(required = true, description = "Published posts", example = "342", minimum = "0", maximum = "2147483647") int postCount,
        @Schema(required = true, description = "Archived groups are read-only and leave the directory") boolean archived,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(nullable = true, description = "Your membership, or null when you have none (or are not signed in)") MyMembershipResponse myMembership) {
}
