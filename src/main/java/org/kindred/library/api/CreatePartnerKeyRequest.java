package org.kindred.library.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.library.partners.PartnerScopes;
import org.kindred.platform.openapi.ApiTypes;

@Schema(name = "CreatePartnerKeyRequest")
public record CreatePartnerKeyRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = ResourceRules.SINGLE_LINE, message = "must not contain control characters") @Schema(required = true, maxLength = 100, description = "What the key is for, to tell keys apart", example = "website feed") String name,
        @NotNull @Size(min = 1, max = 3) @Schema(required = true, description = "`feeds:read`: read the library and feeds under the key's own rate limit. "
                + "`resources:submit`: submit resources for review and follow one's own submissions. "
                + "`webhooks:manage`: register and manage the organisation's webhook endpoints.", example = "[\"feeds:read\"]", type = SchemaType.ARRAY, implementation = ApiTypes.PartnerScope.class) List<@NotNull @Pattern(regexp = PartnerScopes.PATTERN, message = "must be feeds:read, resources:submit or webhooks:manage") String> scopes,
        @Min(1) @Max(100000) @Schema(description = "The key's rate limit; defaults to the configured value (6000)", minimum = "1", maximum = "100000", example = "6000") Integer requestsPerMinute) {
}
