package org.kindred.posts.api;

import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.accounts.ContentWarning;
import org.kindred.platform.validation.TextPatterns;
import org.kindred.posts.ReplyPolicy;
import org.kindred.posts.SupportWanted;
import org.kindred.safety.api.PostText;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Merge patch of a post by its author. A class, not a record, so that absent and null differ. */
@Schema(name = "UpdatePostRequest", description = "Merge patch by the author: absent fields stay. `title` may be null to remove it; "
        + "`title`, `supportWanted` and `replyPolicy` apply to a thread's first post only. The previous text is kept for moderators.")
public final class UpdatePostRequest {

    @JsonProperty
    @Schema(maxLength = 200, nullable = true)
    private Optional<@Size(max = 200) @Pattern(regexp = TextPatterns.SINGLE_LINE, message = TextPatterns.MESSAGE) String> title;

    @JsonProperty
    @Schema(maxLength = 10000, description = PostText.BODY_DOC)
    private Optional<@Size(min = 1, max = 10000) String> body;

    @JsonProperty
    @Schema(maxItems = 14, uniqueItems = true)
    private Optional<@Size(max = 14) Set<@NotNull ContentWarning>> contentWarnings;

    @JsonProperty
    private Optional<SupportWanted> supportWanted;

    @JsonProperty
    private Optional<ReplyPolicy> replyPolicy;

    public Optional<String> title() {
        return title;
    }

    public Optional<String> body() {
        return body;
    }

    public Optional<Set<ContentWarning>> contentWarnings() {
        return contentWarnings;
    }

    public Optional<SupportWanted> supportWanted() {
        return supportWanted;
    }

    public Optional<ReplyPolicy> replyPolicy() {
        return replyPolicy;
    }
}
