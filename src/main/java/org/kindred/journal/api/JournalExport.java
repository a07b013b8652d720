package org.kindred.journal.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JournalExport", description = "Your whole incident journal, decrypted: every entry with every version, and the head of its hash chain. "
        + "When your journal has a passphrase and the request did not send it (`Kindred-Journal-Passphrase`), `locked` is true and only what is not "
        + "encrypted is here: the chain (content-free), no entries and no attachments")
public record JournalExport(
        @Schema(required = true, description = "Links in the hash chain (every version ever recorded, deleted entries' included)", minimum = "0", maximum = "9223372036854775807") long chainLength,
        @Schema(required = true, nullable = true, description = "SHA-256 (hex) of the newest link; null for an empty journal", minLength = 64, maxLength = 64, pattern = "^[0-9a-f]{64}$") String chainHead,
        @Schema(required = true, description = "Entries you have not deleted, oldest recorded first, each with `revisions`", maxItems = 1000000) List<JournalEntryResponse> entries,
        @Schema(required = true, description = "The hash chain, oldest link first: one link per version ever recorded, deleted entries' included (content-free). "
                + "Recompute each hash from `entries` to verify the export (README, \"Incident journal\")", maxItems = 10000000) List<ChainLink> chain,
        @Schema(required = true, description = "The files attached to `entries`, oldest first: metadata and the SHA-256 of the bytes stored, not the bytes. "
                + "Download each at GET /api/v1/me/journal/entries/{entryId}/attachments/{attachmentId}/content; its SHA-256 must equal `sha256`. "
                + "Attachments are not links of the hash chain (README, \"Incident journal\")", maxItems = 1000000) List<JournalAttachmentResponse> attachments,
        @Schema(required = true, description = "True when your journal has a passphrase the request did not send: `entries` and `attachments` are then empty") boolean locked,
        @Schema(required = true, nullable = true, description = "Why the journal is not in the export, when `locked`; null otherwise", maxLength = 500) String note) {

    public static final String LOCKED_NOTE = "Your journal has a passphrase, and this request did not send it: entries and attachments are left "
            + "out. Ask again with your passphrase in the Kindred-Journal-Passphrase header to include them.";

    /** An export of an open journal. */
    public JournalExport(long chainLength, String chainHead, List<JournalEntryResponse> entries, List<ChainLink> chain,
            List<JournalAttachmentResponse> attachments) {
        this(chainLength, chainHead, entries, chain, attachments, false, null);
    }
}
