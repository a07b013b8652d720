package org.kindred.groups.api;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AcceptRulesRequest")
public record AcceptRulesRequest(
        @NotNull @Schema(required = true, description = "The group's current `rulesVersion`", example = "2", minimum = "1", maximum = "2147483647") Integer rulesVersion) {
}
