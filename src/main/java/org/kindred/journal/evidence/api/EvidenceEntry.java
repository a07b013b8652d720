package org.kindred.journal.evidence.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.journal.api.JournalRevisionResponse;

@Schema(name = "EvidenceEntry", description = "One journal entry with every version as it was recorded, oldest first; the newest is the entry as it stands")
public record EvidenceEntry(
        @Schema(required = true) UUID id,
        @Schema(required = true, description = "The newest version's number", minimum = "1", maximum = "2147483647", example = "2") int version,
        @Schema(required = true, description = "When the member first recorded it (server time)") Instant createdAt,
        @Schema(required = true, description = "When the member last edited it (server time)") Instant updatedAt,
        @Schema(required = true, description = "SHA-256 (hex) of the newest version's link in the hash chain", minLength = 64, maxLength = 64, pattern = "^[0-9a-f]{64}$") String hash,
        @Schema(required = true, description = "Every version, oldest first, the original included", maxItems = 100000) List<JournalRevisionResponse> revisions,
        @Schema(required = true, description = "Files attached to the entry, each with its SHA-256; `[]` when none", maxItems = 1000) List<EvidenceAttachment> attachments,
        @Schema(description = "SHA-256 (hex) of this entry's canonical JSON (RFC 8785) without `digest`: its dates, every version and every attachment "
                + "with its hash, in order. Lets a verifier name the entry whose attachments or dates were changed even when the signature fails too; "
                + "it is no proof on its own (whoever edits the document can recompute it; only the signature shows nothing changed). "
                + "Absent in exports made before it was added", minLength = 64, maxLength = 64, pattern = "^[0-9a-f]{64}$") String digest) {

    /** The same entry with its digest computed. */
    public EvidenceEntry withDigest(String digest) {
        return new EvidenceEntry(id, version, createdAt, updatedAt, hash, revisions, attachments, digest);
    }
}
