package org.kindred.posts;

import java.util.Optional;
import java.util.Set;

import org.kindred.accounts.ContentWarning;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.posts.api.UpdatePostRequest;

/** A PATCH of a post resolved against the post as it is: absent fields keep their value, explicit nulls are refused. */
record PostEdit(String title, String body, Set<ContentWarning> warnings, SupportWanted supportWanted,
        ReplyPolicy replyPolicy) {

    static PostEdit of(Post post, UpdatePostRequest request) {
        if (post.status() == PostStatus.REMOVED) {
            throw new ConflictException("post-removed", "Post removed", "A removed post cannot be edited");
        }
        if (!post.isThread()
                && (request.title() != null || request.supportWanted() != null || request.replyPolicy() != null)) {
            throw new BadRequestException("title",
                    "title, supportWanted and replyPolicy belong to a thread's first post");
        }
        rejectNull("body", request.body());
        rejectNull("contentWarnings", request.contentWarnings());
        rejectNull("supportWanted", request.supportWanted());
        rejectNull("replyPolicy", request.replyPolicy());
        String title = request.title() == null ? post.title() : PostService.blankToNull(request.title().orElse(null));
        String body = request.body() == null ? post.body() : request.body().get().strip();
        if (body.isEmpty()) {
            throw new BadRequestException("body", "must not be blank");
        }
        return new PostEdit(title, body,
                request.contentWarnings() == null
                        ? PostService.warnings(post.contentWarnings())
                        : PostService.warnings(request.contentWarnings().get()),
                request.supportWanted() == null ? post.supportWanted() : request.supportWanted().get(),
                request.replyPolicy() == null ? post.replyPolicy() : request.replyPolicy().get());
    }

    private static void rejectNull(String field, Optional<?> value) {
        if (value != null && value.isEmpty()) {
            throw new BadRequestException(field, "must not be null");
        }
    }
}
