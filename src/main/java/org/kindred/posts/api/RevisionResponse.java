package org.kindred.posts.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.accounts.ContentWarning;

@Schema(name = "PostRevision", description = "A post's text before one of its edits (moderators only)")
public record RevisionResponse(
        @Schema(required = true) UUID id,
        @Schema(nullable = true, maxLength = 200) String title,
        @Schema(required = true, maxLength = 10000) String body,
        @Schema(required = true, maxItems = 14, uniqueItems = true) List<ContentWarning> contentWarnings,
        @Schema(required = true, description = "When this text was replaced by an edit") Instant replacedAt) {
}
