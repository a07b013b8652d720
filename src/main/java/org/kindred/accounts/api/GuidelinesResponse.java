package org.kindred.accounts.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Guidelines", description = "The current community guidelines. Registration must accept this version.")
public record GuidelinesResponse(
        @Schema(required = true, example = "1", minimum = "1", maximum = "2147483647") int version,
        @Schema(required = true, description = "The guidelines as Markdown", maxLength = 65536) String text) {
}
