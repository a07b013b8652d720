package org.kindred.journal.evidence.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.journal.api.ChainLink;

/**
 * The signed evidence document: the member's whole journal as recorded. Signed in its canonical form (RFC 8785), so
 * this record's field order does not matter.
 */
@Schema(name = "EvidenceDocument", description = "Your whole incident journal as recorded: every entry with every version, the hash chain and its head. "
        + "The export's body is this document in canonical JSON (RFC 8785: sorted keys, no whitespace, UTF-8); the detached JWS in "
        + "`Kindred-Evidence-Signature` signs exactly those bytes. It names no account and no e-mail: it is yours to share.")
public record EvidenceDocument(
        @Schema(required = true, description = "The format and its version", enumeration = EvidenceDocument.FORMAT, example = EvidenceDocument.FORMAT) String format,
        @Schema(required = true, description = "The service that signed it (its public URL, `KINDRED_AUTH_ISSUER`); its keys are at `<issuer>/api/v1/evidence/keys`", maxLength = 2048, example = "https://kindred.example.org") String issuer,
        @Schema(required = true, description = "When the service made and signed this document") Instant generatedAt,
        @Schema(required = true, description = "What the signature means", maxLength = 1000) String statement,
        @Schema(required = true, description = "Links in the hash chain (every version ever recorded, deleted entries' included)", minimum = "0", maximum = "9223372036854775807") long chainLength,
        @Schema(required = true, nullable = true, description = "SHA-256 (hex) of the newest link; null for an empty journal", minLength = 64, maxLength = 64, pattern = "^[0-9a-f]{64}$") String chainHead,
        @Schema(required = true, description = "Entries not deleted, oldest recorded first", maxItems = 1000000) List<EvidenceEntry> entries,
        @Schema(required = true, description = "The hash chain, oldest link first: one link per version ever recorded (deleted entries' content-free)", maxItems = 10000000) List<ChainLink> chain) {

    public static final String FORMAT = "kindred-journal-evidence/1";
    public static final String STATEMENT = "This is the member's own record of what happened, in their words. Kindred does not "
            + "vouch for its truth; the signature shows only that this record has not changed since it was recorded "
            + "(each version at its recordedAt) and exported (at generatedAt).";
}
