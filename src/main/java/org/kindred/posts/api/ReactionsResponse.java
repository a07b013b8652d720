package org.kindred.posts.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.openapi.ApiTypes;
import org.kindred.posts.ReactionKind;

@Schema(name = "Reactions", description = "A post's reactions after your change")
public record ReactionsResponse(
        @Schema(required = true, example = "{\"I_BELIEVE_YOU\": 13, \"ME_TOO\": 3, \"NOT_ALONE\": 5, \"SENDING_STRENGTH\": 7, \"THANK_YOU\": 0}", additionalProperties = ApiTypes.Count.class, propertyNames = ReactionKind.class) Map<ReactionKind, Integer> reactions,
        @Schema(required = true, maxItems = 5, uniqueItems = true) List<ReactionKind> myReactions) {
}
