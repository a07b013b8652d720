package org.kindred.posts.api;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.accounts.ContentWarning;
import org.kindred.safety.api.PostText;

@Schema(name = "CreateReplyRequest")
public record CreateReplyRequest(
        @NotBlank @Size(max = 10000) @Schema(required = true, maxLength = 10000, description = PostText.BODY_DOC, example = "I believe you. The same happened to me; HR did act once I wrote it down.") String body,

        @Size(max = 14) @Schema(example = "[]") Set<@NotNull ContentWarning> contentWarnings,

        @Schema(description = "Reply without your name. Defaults to false, except for the author of an anonymous thread, whose replies stay anonymous unless this is false.") Boolean anonymous,

        @Schema(description = "The reply (in this thread) you are answering; threads are one level deep") UUID replyTo) {
}
