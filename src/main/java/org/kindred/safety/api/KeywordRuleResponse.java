package org.kindred.safety.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.safety.KeywordRule;

@Schema(name = "KeywordRule")
public record KeywordRuleResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "go back to", maxLength = 100) String phrase,
        @Schema(required = true) KeywordRule.Action action,
        @Schema(required = true) Instant createdAt) {
}
