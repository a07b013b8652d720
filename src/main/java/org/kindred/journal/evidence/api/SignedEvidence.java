package org.kindred.journal.evidence.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The export with {@code ?format=signed}: exactly the body {@code POST /api/v1/evidence/verify} takes. */
@Schema(name = "SignedEvidence", description = "The evidence document with its detached JWS: exactly what POST /api/v1/evidence/verify takes")
public record SignedEvidence(
        @Schema(required = true, description = "The evidence document (as a JSON object; it is verified in its canonical form, so whitespace and member order do not matter)") EvidenceDocument document,
        @Schema(required = true, description = "Detached JWS in compact form (`<header>..<signature>`, RFC 7515 Appendix F) over the document's canonical JSON; "
                + "protected header `{\"alg\":\"EdDSA\",\"kid\":\"<evidence key id>\"}`", maxLength = 1024, pattern = "^[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+$") String signature) {
}
