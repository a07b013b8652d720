package org.kindred.journal.evidence.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EvidenceVerification", description = "Whether an evidence export is intact and signed by this service, and what it covers")
public record EvidenceVerification(
        @Schema(required = true, description = "True only when the document's hash chain recomputes, the key is one of this service's evidence keys and the signature is valid") boolean valid,
        @Schema(required = true, nullable = true, description = "The `kid` the signature names (null when it names none)", maxLength = 1024, example = "2026-12-01") String keyId,
        @Schema(required = true, nullable = true, description = "The key's status: `active`, `retired` (still verifies) or `next`; null for a key this service never published", enumeration = {
                "active", "retired", "next"}) String keyStatus,
        @Schema(required = true, nullable = true, description = "When the document was signed (its `generatedAt`); null unless the signature is valid") Instant signedAt,
        @Schema(required = true, description = "The entries the document holds, as it states them; `[]` when it cannot be read", maxItems = 1000000) List<CoveredEntry> entries,
        @Schema(required = true, nullable = true, description = "The chain head the document states", maxLength = 1024) String chainHead,
        @Schema(required = true, nullable = true, description = "The first check that failed (in the order: format, hash chain, entries one by one, key, signature); null when valid. "
                + "The chain and the entries are checked before and apart from the signature, so a changed entry is named even when the signature fails too") Failure firstFailure,
        @Schema(required = true, description = "Whether the signature matches the document with a key this service published, whatever the other checks found. "
                + "False with a `firstFailure` naming an entry: that entry was changed after export") boolean signatureValid){

    @Schema(name = "EvidenceCoveredEntry", description = "An entry of the verified document")
    public record CoveredEntry(
            @Schema(required = true, nullable = true, description = "The entry's id (null if the document's id is not a UUID)") UUID entryId,
            @Schema(required = true, description = "How many versions of it the document holds", minimum = "0", maximum = "2147483647") int versions) {
    }

    @Schema(name = "EvidenceVerificationFailure", description = "Why the document does not verify")
    public record Failure(
            @Schema(required = true, description = "`unsupported-format`: not a Kindred journal evidence document; `chain-broken`: a link's content, hash or order was changed "
                    + "(`entryId` and `link` name the first); `chain-incomplete`: a link or version is missing, or the last link is not `chainHead`; "
                    + "`entry-mismatch`: an entry's `version` or `hash` is not its newest version's, its `digest` does not recompute (one of its attachments, an attachment's hash, their order or the entry's dates was changed), or it is not where the chain puts it (the order of `entries` was changed); `unknown-key`: the signature names no key of this service; "
                    + "`unsupported-algorithm`: not EdDSA; `signature-mismatch`: the signature does not match the document", enumeration = {
                            "unsupported-format", "chain-broken", "chain-incomplete", "entry-mismatch", "unknown-key",
                            "unsupported-algorithm", "signature-mismatch"}) String reason,
            @Schema(required = true, nullable = true, description = "The first entry that fails, when the failure is in one") UUID entryId,
            @Schema(required = true, nullable = true, description = "Index (0-based) of the first failing link of `chain`, when there is one", minimum = "0", maximum = "2147483647") Integer link,
            @Schema(required = true, description = "The failure in a sentence", maxLength = 500) String detail,
            @Schema(required = true, nullable = true, description = "Index (0-based) in the document's `entries` of the first failing entry, when it is there", minimum = "0", maximum = "2147483647") Integer entryIndex){

        /** A failure not in one entry of the document's list (format, key, signature). */
        public Failure(String reason, UUID entryId, Integer link, String detail) {
            this(reason, entryId, link, detail, null);
        }
    }
}
