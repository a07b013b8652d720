package org.kindred.moderation.api;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.moderation.KeywordRule;

@Schema(name = "UpdateKeywordRuleRequest")
public record UpdateKeywordRuleRequest(@NotNull @Schema(required = true) KeywordRule.Action action) {
}
