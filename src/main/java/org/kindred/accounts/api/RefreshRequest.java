package org.kindred.accounts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RefreshRequest")
public record RefreshRequest(
        @NotBlank @Size(max = 100) @Schema(description = "The refresh token from the last sign-in or refresh; it is used up by this call", maxLength = 100, example = "krt_3q2-7wVh0kQ1Rz8X5m9bYt6L2cN4aE0sP1dF7gH8jK0", required = true) String refreshToken) {
}
