package org.kindred.pathways.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The pathways matching a filter: a short curated list, so not paginated. */
@Schema(description = "Every matching pathway (a short curated list: not paginated)")
public record PathwayListResponse(@Schema(required = true, maxItems = 500) List<PathwayResponse> items) {
}
