package org.kindred.accounts.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecoveryCodes", description = "A new set of recovery codes. Shown this once: Kindred keeps only their hashes")
public record RecoveryCodesResponse(
        @Schema(required = true, type = SchemaType.ARRAY, implementation = RecoveryCodesResponse.Code.class, minItems = 10, maxItems = 10, description = "Ten single-use codes; each sets a new password once (POST /api/v1/auth/recovery-codes/redeem). Twelve characters from `0123456789abcdefghjkmnpqrstvwxyz` (60 random bits) in groups of four", example = "[\"7k2m-q9xd-4hbn\", \"c3vp-8rwe-t5zy\", \"m6ja-2kfh-9dqx\", \"p4nt-w7bc-3esr\", \"x8gd-5mvk-2jqa\", \"b9re-6tny-4wcp\", \"h2sx-7qdm-8kfe\", \"t5wa-3jcn-6ypv\", \"e7kq-9bgr-2mxd\", \"n3fy-4vth-7sac\"]") List<String> codes,
        @Schema(required = true, example = "2026-11-23T18:00:00Z") Instant generatedAt) {

    /** The shape of one code, for the OpenAPI document only (never instantiated). */
    @Schema(name = "RecoveryCode", type = SchemaType.STRING, minLength = 14, maxLength = 14, pattern = "^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$", example = "7k2m-q9xd-4hbn")
    public static final class Code {
        private Code() {
        }
    }
}
