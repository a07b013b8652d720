package org.kindred.accounts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LinkTokenRequest", description = "The `token` query parameter of a link Kindred mailed")
public record LinkTokenRequest(
        @NotBlank @Size(max = 100) @Schema(required = true, maxLength = 100, pattern = "^k[a-z]{2}_[A-Za-z0-9_-]{43}$", example = "kve_3q2-7wRk1m0p9ZLxYvB4cN8sT6uH5jD2fG0aE1iO9kQ") String token) {
}
