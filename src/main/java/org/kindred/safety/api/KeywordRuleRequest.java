package org.kindred.safety.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.validation.TextPatterns;
import org.kindred.safety.KeywordRule;

@Schema(name = "KeywordRuleRequest")
public record KeywordRuleRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = TextPatterns.SINGLE_LINE, message = TextPatterns.MESSAGE) @Schema(required = true, maxLength = 100, description = "A word or phrase; matched on whole words, ignoring case and accents", example = "go back to") String phrase,
        @NotNull @Schema(required = true) KeywordRule.Action action) {
}
