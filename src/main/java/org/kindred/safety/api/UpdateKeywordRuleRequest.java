package org.kindred.safety.api;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.safety.KeywordRule;

@Schema(name = "UpdateKeywordRuleRequest")
public record UpdateKeywordRuleRequest(@NotNull @Schema(required = true) KeywordRule.Action action) {
}
