package org.kindred.accounts.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegistrationResponse", description = "The new account and a signed-in session")
public record RegistrationResponse(
        @Schema(required = true) MeResponse account,
        @Schema(required = true, description = "Access token (JWT, RS256); send as `Authorization: Bearer <token>`", maxLength = 8192, pattern = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$") String accessToken,
        @Schema(required = true, description = "Opaque, single-use refresh token; exchange it at POST /api/v1/auth/refresh", minLength = 47, maxLength = 47, pattern = "^krt_[A-Za-z0-9_-]{43}$") String refreshToken,
        @Schema(required = true, description = "Seconds until the access token expires", example = "600", minimum = "1", maximum = "900") long expiresIn,
        @Schema(required = true, example = "Bearer", enumeration = "Bearer") String tokenType) {
}
