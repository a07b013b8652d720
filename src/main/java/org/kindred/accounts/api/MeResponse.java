package org.kindred.accounts.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.posts.ContentWarning;

@Schema(name = "Me", description = "Your own account, including private fields only you can see")
public record MeResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, example = "amara@example.org") String email,
        @Schema(required = true, example = "amara_k") String handle,
        @Schema(nullable = true, example = "Amara") String displayName,
        @Schema(nullable = true, example = "GB") String country,
        @Schema(required = true, example = "[\"en\"]") List<String> languages,
        @Schema(nullable = true, example = "1994") Integer birthYear,
        @Schema(required = true, description = "Posts with any of these warnings are left out of your feeds") List<ContentWarning> hiddenContentWarnings,
        @Schema(required = true, description = "Platform roles: `member`, and possibly `professional` or `admin`", example = "[\"member\"]") List<String> roles,
        @Schema(required = true, description = "Version of the community guidelines you accepted", example = "1") int guidelinesVersion,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {
}
