package org.kindred.journal.evidence.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** The body of {@code POST /api/v1/evidence/verify}, as documented; parsed strictly by {@code EvidenceVerifier}. */
@Schema(name = "VerifyEvidenceRequest", description = "An evidence export and its signature: the body of the export with `?format=signed`, "
        + "or the plain export's body as `document` with its `Kindred-Evidence-Signature` header as `signature`")
public record VerifyEvidenceRequest(
        @Schema(required = true, ref = "EvidenceDocument", description = "The evidence document as a JSON object. "
                + "It is canonicalised (RFC 8785) before the signature is checked: whitespace and member order do not matter, every other change does. "
                + "Duplicate member names are refused") JsonNode document,
        @Schema(required = true, description = "The detached JWS (`<header>..<signature>`)", maxLength = 1024, pattern = "^[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+$") String signature) {
}
