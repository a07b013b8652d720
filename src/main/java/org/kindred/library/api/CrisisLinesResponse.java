package org.kindred.library.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.openapi.ApiTypes;

@Schema(name = "CrisisLines", description = "Crisis lines and helplines for a country: those answering around the clock first, "
        + "crisis lines before general helplines. When the country has none, the international ones (`international: true`).")
public record CrisisLinesResponse(
        @Schema(nullable = true, description = "The country asked for (ISO 3166-1 alpha-2); null when none was given", minLength = 2, maxLength = 6, pattern = ApiTypes.SERVICE_AREA_PATTERN, example = "GB") String country,
        @Schema(required = true, description = "True when these are international resources, because the country has none of its own (or none was given)", example = "false") boolean international,
        @Schema(required = true, description = "At most 50; `[]` only if the library has no international crisis lines either", maxItems = 50) List<ResourceResponse> items) {
}
