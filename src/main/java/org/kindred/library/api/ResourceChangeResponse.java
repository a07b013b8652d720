package org.kindred.library.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.library.ChangeAction;

import com.fasterxml.jackson.databind.JsonNode;

@Schema(name = "ResourceChange", description = "One entry of a resource's change log (after the HSDS metadata table): who, when, what")
public record ResourceChangeResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "UPDATED") ChangeAction action,
        @Schema(required = true) Instant changedAt,
        @Schema(required = true) ChangeActor actor,
        @Schema(required = true, description = "The fields this change touched; `[]` when none did", maxItems = 32) List<Change> changes) {

    @Schema(name = "ChangeActor", description = "An admin account, a partner organisation (API key) or the seed loader")
    public record ChangeActor(
            @Schema(required = true, enumeration = {
                    "ADMIN", "PARTNER", "SEED"}, example = "ADMIN") String kind,
            @Schema(nullable = true, description = "The admin's account id") UUID accountId,
            @Schema(nullable = true, description = "The partner organisation's id") UUID partnerId){
    }

    @Schema(name = "FieldChange")
    public record Change(
            @Schema(required = true, description = "Field name as in the Resource schema; nested fields with a dot", example = "phone", maxLength = 64) String field,
            @Schema(description = "Any JSON value: the value before (null when unset)", example = "\"0800 0119 100\"") JsonNode previousValue,
            @Schema(description = "Any JSON value: the value after (null when cleared)", example = "\"0800 0119 101\"") JsonNode replacementValue) {
    }
}
