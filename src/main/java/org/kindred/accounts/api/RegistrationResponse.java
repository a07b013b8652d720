package org.kindred.accounts.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegistrationResponse", description = "The new account and a signed-in session")
public record RegistrationResponse(
        @Schema(required = true) MeResponse account,
        @Schema(required = true) String accessToken,
        @Schema(required = true) String refreshToken,
        @Schema(required = true, example = "600") long expiresIn,
        @Schema(required = true, example = "Bearer") String tokenType) {
}
