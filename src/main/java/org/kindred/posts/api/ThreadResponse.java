package org.kindred.posts.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.paging.Page;

/** A thread as a page view needs it: the first post and the first page of its replies, read together. */
@Schema(name = "Thread", description = "A thread's first post and one page of its replies, as `getPost` and `listReplies` would "
        + "answer them at the same moment")
public record ThreadResponse(
        @Schema(required = true, description = "The thread's first post, as `getPost` answers it") PostResponse post,
        @Schema(required = true, description = "One page of replies, oldest first, as `listReplies` answers it; pass "
                + "`replies.nextCursor` to `listReplies` (or to this operation) for the next page, "
                + "`replies.prevCursor` for the previous one") Page<PostResponse> replies) {
}
