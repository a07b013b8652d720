package org.kindred.journal.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JournalExport", description = "Your whole incident journal, decrypted: every entry with every version, and the head of its hash chain")
public record JournalExport(
        @Schema(required = true, description = "Links in the hash chain (every version ever recorded, deleted entries' included)", minimum = "0", maximum = "9223372036854775807") long chainLength,
        @Schema(required = true, nullable = true, description = "SHA-256 (hex) of the newest link; null for an empty journal", minLength = 64, maxLength = 64, pattern = "^[0-9a-f]{64}$") String chainHead,
        @Schema(required = true, description = "Entries you have not deleted, oldest recorded first, each with `revisions`", maxItems = 1000000) List<JournalEntryResponse> entries,
        @Schema(required = true, description = "The hash chain, oldest link first: one link per version ever recorded, deleted entries' included (content-free). "
                + "Recompute each hash from `entries` to verify the export (README, \"Incident journal\")", maxItems = 10000000) List<ChainLink> chain,
        @Schema(required = true, description = "The files attached to `entries`, oldest first: metadata and the SHA-256 of the bytes stored, not the bytes. "
                + "Download each at GET /api/v1/me/journal/entries/{entryId}/attachments/{attachmentId}/content; its SHA-256 must equal `sha256`. "
                + "Attachments are not links of the hash chain (README, \"Incident journal\")", maxItems = 1000000) List<JournalAttachmentResponse> attachments) {
}
