package org.kindred.posts.api;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.accounts.ContentWarning;
import org.kindred.platform.openapi.ApiTypes;
import org.kindred.platform.validation.LanguageTag;
import org.kindred.platform.validation.TextPatterns;
import org.kindred.posts.ReplyPolicy;
import org.kindred.posts.SupportWanted;
import org.kindred.safety.api.PostText;

@Schema(name = "CreatePostRequest")
public record CreatePostRequest(
        @Size(max = 200) @Pattern(regexp = TextPatterns.SINGLE_LINE, message = TextPatterns.MESSAGE) @Schema(maxLength = 200, example = "My manager keeps mispronouncing my name on purpose") String title,

        @NotBlank @Size(max = 10000) @Schema(required = true, maxLength = 10000, description = PostText.BODY_DOC, example = "It started in March. Every meeting he says it wrong and laughs. Has anyone dealt with this?") String body,

        @Size(max = 14) @Schema(description = "Content warnings readers can choose to hide", example = "[\"RACISM\"]") Set<@NotNull ContentWarning> contentWarnings,

        @NotNull @Schema(required = true, description = "Post without your name: other members see `author: null`; the group's moderators still see who wrote it") Boolean anonymous,

        @NotNull @Schema(required = true) SupportWanted supportWanted,

        @NotNull @Schema(required = true) ReplyPolicy replyPolicy,

        @LanguageTag @Schema(description = "BCP 47; defaults to the group's language", example = "en", ref = ApiTypes.LANGUAGE_TAG) String language) {
}
