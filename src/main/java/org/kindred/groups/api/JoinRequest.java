package org.kindred.groups.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.validation.TextPatterns;

@Schema(name = "JoinRequest")
public record JoinRequest(
        @NotNull @Schema(required = true, description = "The group's current `rulesVersion`: you read and accept its rules", example = "1", minimum = "1", maximum = "2147483647") Integer acceptRulesVersion,

        @Size(max = 1000) @Pattern(regexp = TextPatterns.MULTI_LINE, message = TextPatterns.MESSAGE) @Schema(description = "For PRIVATE groups: a note to the moderators", maxLength = 1000, example = "I'm a nurse and have faced racism from patients.") String message,

        @Size(max = 64) @Schema(description = "Required for HIDDEN groups; lets you skip approval in PRIVATE ones", maxLength = 64, example = "kinv_3kF9xQ2mT7vB1nZ8") String inviteCode) {
}
