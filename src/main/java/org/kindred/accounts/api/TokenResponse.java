package org.kindred.accounts.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TokenResponse", description = "A fresh token pair. Store the refresh token securely; it can be used once.")
public record TokenResponse(
        @Schema(description = "Access token (JWT, RS256); send as `Authorization: Bearer <token>`", required = true, example = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjIwMjYtMTEtMjMiLCJ0eXAiOiJKV1QifQ.eyJzdWIiOiIuLi4ifQ.c2ln") String accessToken,
        @Schema(description = "Opaque, single-use refresh token; exchange it at POST /api/v1/auth/refresh", required = true, example = "krt_3q2-7wVh0kQ1Rz8X5m9bYt6L2cN4aE0sP1dF7gH8jK0") String refreshToken,
        @Schema(description = "Seconds until the access token expires", required = true, example = "600") long expiresIn,
        @Schema(description = "Always `Bearer`", required = true, example = "Bearer") String tokenType) {
}
