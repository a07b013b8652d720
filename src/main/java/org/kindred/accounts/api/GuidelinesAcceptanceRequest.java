package org.kindred.accounts.api;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GuidelinesAcceptanceRequest")
public record GuidelinesAcceptanceRequest(
        @NotNull @Schema(required = true, description = "The version you read at GET /api/v1/guidelines; must be the current one", example = "2", minimum = "1", maximum = "2147483647") Integer version) {
}
