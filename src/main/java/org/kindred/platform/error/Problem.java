package org.kindred.platform.error;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An RFC 9457 problem details document. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
@Schema(name = "Problem", description = "RFC 9457 problem details. `type` is a stable URI per kind of problem; "
        + "`detail` is safe to show to end users. Some problems add members, e.g. `currentRulesVersion`.")
public record Problem(
        @Schema(description = "Stable URI naming the kind of problem", example = "urn:kindred:problem:validation", maxLength = 100, pattern = "^urn:kindred:problem:[a-z0-9-]+$") String type,
        @Schema(description = "Short summary of the kind of problem", example = "Invalid request", maxLength = 100) String title,
        @Schema(description = "HTTP status code", example = "400", minimum = "400", maximum = "599") int status,
        @Schema(description = "What went wrong, safe to show to end users", example = "handle: must match [a-z0-9_]{3,30}", maxLength = 80000) String detail,
        @Schema(description = "The request path", example = "/api/v1/auth/register", maxLength = 4096) String instance,
        @Schema(description = "Field-level errors (validation problems only), at most 100; `detail` says how many more there were", maxItems = 100) List<FieldError> errors,
        @Schema(hidden = true) @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String TYPE_PREFIX = "urn:kindred:problem:";

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "JSON path of the field or name of the parameter (cut to 200 characters)", example = "handle", maxLength = 200) String field,
            @Schema(description = "What is wrong with it", example = "must match [a-z0-9_]{3,30}", maxLength = 500) String message) {
    }
}
