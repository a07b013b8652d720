package org.kindred.safety;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where personal information appears in a text: offsets in UTF-16 code units (Java {@code char}s, the same as
 * JavaScript string indices), {@code end} exclusive, so {@code text.substring(start, end)} is the information.
 */
@Schema(name = "PersonalInfoSpan", description = "Personal information found in the text: `text.substring(start, end)` in UTF-16 code units "
        + "(JavaScript string indices), end exclusive")
public record PersonalInfoSpan(
        @Schema(required = true) PersonalInfoKind kind,
        @Schema(required = true, minimum = "0", maximum = "2147483646", example = "18") int start,
        @Schema(required = true, minimum = "1", maximum = "2147483647", example = "31") int end) {

    public PersonalInfoSpan {
        if (kind == null || start < 0 || end <= start) {
            throw new IllegalArgumentException("invalid span " + kind + " [" + start + ", " + end + ")");
        }
    }
}
