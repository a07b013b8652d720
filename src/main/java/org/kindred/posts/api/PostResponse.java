package org.kindred.posts.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.accounts.ContentWarning;
import org.kindred.platform.openapi.ApiTypes;
import org.kindred.posts.PostStatus;
import org.kindred.posts.ReactionKind;
import org.kindred.posts.ReplyPolicy;
import org.kindred.posts.SupportWanted;
import org.kindred.safety.api.PostText;
import org.kindred.safety.api.SafetyCheckResponse;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "Post", description = "A thread's first post (`parentId` null) or a reply")
public record PostResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID groupId,
        @Schema(nullable = true, description = "The thread this reply belongs to; null for a thread's first post") UUID parentId,
        @Schema(nullable = true, description = "The reply this reply answers") UUID replyTo,
        @Schema(nullable = true, description = "Null for anonymous posts, except for the group's moderators and platform admins; showing them an anonymous post's author is recorded for the group's owners (listAnonymousAuthorReads)") Author author,
        @Schema(required = true) boolean anonymous,
        @Schema(required = true, description = "True when you wrote it (shown only to you, also for your anonymous posts)") boolean mine,
        @Schema(nullable = true, maxLength = 200) String title,
        @Schema(nullable = true, description = "Null when the post was removed; "
                + PostText.BODY_DOC, maxLength = 10000) String body,
        @Schema(required = true, example = "en", ref = ApiTypes.LANGUAGE_TAG) String language,
        @Schema(required = true, maxItems = 14, uniqueItems = true) List<ContentWarning> contentWarnings,
        @Schema(nullable = true) SupportWanted supportWanted,
        @Schema(nullable = true) ReplyPolicy replyPolicy,
        @Schema(required = true, description = "Others only ever see PUBLISHED and REMOVED posts; PENDING_APPROVAL, HELD_FOR_CARE and HIDDEN are shown to the author and moderators") PostStatus status,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true) Instant editedAt,
        @Schema(required = true, description = "The latest of creation and the newest published reply") Instant lastActivityAt,
        @Schema(required = true, description = "Published replies", example = "4", minimum = "0", maximum = "2147483647") int replyCount,
        @Schema(required = true, description = "Count per reaction kind, every kind present", example = "{\"I_BELIEVE_YOU\": 12, \"ME_TOO\": 3, \"NOT_ALONE\": 5, \"SENDING_STRENGTH\": 7, \"THANK_YOU\": 0}", additionalProperties = ApiTypes.Count.class, propertyNames = ReactionKind.class) Map<ReactionKind, Integer> reactions,
        @Schema(required = true, description = "Your reactions to this post", maxItems = 5, uniqueItems = true) List<ReactionKind> myReactions,
        @Schema(required = true) boolean pinned,
        @Schema(required = true, description = "Locked threads take no new replies") boolean locked,
        @Schema(required = true, description = "Whether you may reply now (policy, lock, membership, blocks)") boolean canReply,
        @Schema(required = true, description = "In lists, for readers whose `contentWarningMode` is COLLAPSE: the post carries a content warning you hide, "
                + "so `body` is withheld (null) and `contentWarnings` tell why; GET the post to read it") boolean collapsed,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Only in the answer to the writer's own create, reply or edit: what the safety check found, "
                + "with crisis lines when it found distress. If the check could not run, the post is held for care and `crisis` is URGENT, "
                + "so the writer still sees crisis lines") SafetyCheckResponse safety) {

    /** The same post, with the safety check's findings for its writer. */
    public PostResponse withSafety(SafetyCheckResponse safety) {
        return new PostResponse(id, groupId, parentId, replyTo, author, anonymous, mine, title, body, language,
                contentWarnings, supportWanted, replyPolicy, status, createdAt, editedAt, lastActivityAt, replyCount,
                reactions, myReactions, pinned, locked, canReply, collapsed, safety);
    }

    /** The same post collapsed behind its content warnings: body withheld. */
    public PostResponse withBodyCollapsed() {
        return new PostResponse(id, groupId, parentId, replyTo, author, anonymous, mine, title, null, language,
                contentWarnings, supportWanted, replyPolicy, status, createdAt, editedAt, lastActivityAt, replyCount,
                reactions, myReactions, pinned, locked, canReply, true, safety);
    }

    @Schema(name = "PostAuthor")
    public record Author(
            @Schema(required = true) UUID id,
            @Schema(required = true, ref = ApiTypes.HANDLE, example = "amara_k") String handle,
            @Schema(nullable = true, maxLength = 50) String displayName,
            @Schema(required = true, description = "A verified professional") boolean professional) {
    }
}
