package org.kindred.library.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreatedPartnerKey", description = "A new key. `apiKey` is shown here only: it is stored as a hash and cannot be shown again.")
public record CreatedPartnerKeyResponse(
        @Schema(required = true, description = "Send as `X-Api-Key` from your servers; never put it in web pages or URLs", example = "kpk_Q2h1bmt5QmFjb25TdHJpcHNBbmRTYWx0eVNlYXdlZWQx", minLength = 47, maxLength = 47, pattern = "^kpk_[A-Za-z0-9_-]{43}$") String apiKey,
        @Schema(required = true) PartnerKeyResponse key) {
}
