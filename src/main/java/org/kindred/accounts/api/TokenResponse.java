package org.kindred.accounts.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TokenResponse", description = "A fresh token pair. Store the refresh token securely; it can be used once.")
public record TokenResponse(
        @Schema(description = "Access token (JWT, RS256); send as `Authorization: Bearer <token>`", required = true, example = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjIwMjYtMTEtMjMiLCJ0eXAiOiJKV1QifQ.eyJzdWIiOiIuLi4ifQ.c2ln", maxLength = 8192, pattern = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$") String accessToken,
        @Schema(description = "Opaque, single-use refresh token; exchange it at POST /api/v1/auth/refresh", required = true, example = "krt_3q2-7wVh0kQ1Rz8X5m9bYt6L2cN4aE0sP1dF7gH8jK0", minLength = 47, maxLength = 47, pattern = "^krt_[A-Za-z0-9_-]{43}$") String refreshToken,
        @Schema(description = "Seconds until the access token expires", required = true, example = "600", minimum = "1", maximum = "900") long expiresIn,
        @Schema(description = "Always `Bearer`", required = true, example = "Bearer", enumeration = "Bearer") String tokenType) {
}
