package org.kindred.posts.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.groups.api.AccountRef;

@Schema(name = "AnonymousAuthorRead", description = "A moderator or admin was shown who wrote an anonymous post of the group "
        + "(recorded the first time each day per reader and post). Names the reader and the post, never the author.")
public record AuthorReadResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, description = "Who was shown the author (a moderator, owner or platform admin); an erased "
                + "account shows its tombstone handle and \"Deleted member\"") AccountRef reader,
        @Schema(required = true, description = "The anonymous post or reply whose author was shown") UUID postId,
        @Schema(required = true, description = "The first time that day the reader was shown this post's author", example = "2026-11-23T18:00:00Z") Instant readAt) {
}
