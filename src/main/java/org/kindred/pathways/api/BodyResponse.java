package org.kindred.pathways.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body that receives the complaint. */
@Schema(description = "The body that receives the complaint", example = """
        {"name": "U.S. Equal Employment Opportunity Commission (EEOC)", "url": "https://www.eeoc.gov/", "resourceKey": "us-eeoc"}""")
public record BodyResponse(
        @Schema(required = true, maxLength = 200, example = "U.S. Equal Employment Opportunity Commission (EEOC)") String name,
        @Schema(required = true, maxLength = 2048, format = "uri", example = "https://www.eeoc.gov/") String url,
        @Schema(nullable = true, description = "The seed key of the library resource describing the body (`GET /api/v1/resources?q=...`), or null when the library has none", maxLength = 100, example = "us-eeoc") String resourceKey) {
}
