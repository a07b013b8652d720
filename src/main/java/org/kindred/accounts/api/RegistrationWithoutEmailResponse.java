package org.kindred.accounts.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegistrationWithoutEmailResponse", description = "The new account (without an e-mail address), a signed-in session and its recovery codes, shown this once")
public record RegistrationWithoutEmailResponse(
        @Schema(required = true, description = "The new account: `email` is null and `emailVerified` false") MeResponse account,
        @Schema(required = true, description = "Access token (JWT, RS256); send as `Authorization: Bearer <token>`", maxLength = 8192, pattern = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$") String accessToken,
        @Schema(required = true, description = "Opaque, single-use refresh token; exchange it at POST /api/v1/auth/refresh", minLength = 47, maxLength = 47, pattern = "^krt_[A-Za-z0-9_-]{43}$") String refreshToken,
        @Schema(required = true, description = "Seconds until the access token expires", example = "600", minimum = "1", maximum = "900") long expiresIn,
        @Schema(required = true, example = "Bearer", enumeration = "Bearer") String tokenType,
        @Schema(required = true, description = "Ten single-use recovery codes, the account's only way back after a forgotten password: "
                + "Kindred keeps only their hashes and never shows them again") RecoveryCodesResponse recoveryCodes) {
}
