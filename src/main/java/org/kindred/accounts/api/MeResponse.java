package org.kindred.accounts.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.accounts.ContentWarning;
import org.kindred.accounts.ContentWarningMode;
import org.kindred.platform.openapi.ApiTypes;

@Schema(name = "Me", description = "Your own account, including private fields only you can see")
public record MeResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, nullable = true, description = "Your sign-in address; null if you joined without one (POST /api/v1/auth/register/without-email). Add one with PATCH /api/v1/me", example = "amara@example.org", maxLength = 254, pattern = "^.+@.+\\..+$") String email,
        @Schema(required = true, ref = ApiTypes.HANDLE, example = "amara_k") String handle,
        @Schema(nullable = true, example = "Amara", maxLength = 50) String displayName,
        @Schema(nullable = true, description = "ISO 3166-1 alpha-2 country code in upper case", minLength = 2, maxLength = 2, pattern = ApiTypes.COUNTRY_CODE_PATTERN, example = "GB") String country,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = ApiTypes.LanguageTag.class, maxItems = 10, example = "[\"en\"]") List<String> languages,
        @Schema(nullable = true, example = "1994", minimum = "1900", maximum = "2100") Integer birthYear,
        @Schema(required = true, description = "Posts with any of these warnings are left out of your lists (`HIDE`) or shown collapsed (`COLLAPSE`, see `contentWarningMode`)", maxItems = 20) List<ContentWarning> hiddenContentWarnings,
        @Schema(required = true, description = "How `hiddenContentWarnings` apply to lists: `HIDE` leaves such posts out; `COLLAPSE` lists them with the body withheld and the warnings shown") ContentWarningMode contentWarningMode,
        @Schema(required = true, description = "Platform roles: `member`, and possibly `professional` or `admin`", example = "[\"member\"]", type = SchemaType.ARRAY, implementation = ApiTypes.Role.class, maxItems = 3, uniqueItems = true) List<String> roles,
        @Schema(required = true, description = "Version of the community guidelines you accepted", example = "1", minimum = "1", maximum = "2147483647") int guidelinesVersion,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, description = "Whether a link mailed to `email` was followed. A password reset needs a verified address; ask for a link with POST /api/v1/me/email-verification.") boolean emailVerified,
        @Schema(required = true, description = "The community guidelines changed since you accepted them: read GET /api/v1/guidelines and accept with POST /api/v1/me/guidelines-acceptance; until then posting and replying answer 409 `guidelines-outdated`") boolean guidelinesAcceptanceRequired,
        @Schema(nullable = true, description = "The new address of an e-mail change waiting for its confirmation link (PATCH /api/v1/me); `email` stays the sign-in address until then", maxLength = 254, example = "amara.new@example.org") String pendingEmail) {
}
