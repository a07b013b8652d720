package org.kindred.journal.evidence.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A file attached to a journal entry, as the evidence document lists it (see {@code EvidenceAttachments}). */
@Schema(name = "EvidenceAttachment", description = "A file attached to an entry: what it is and its SHA-256, so the file can be matched to the record")
public record EvidenceAttachment(
        @Schema(required = true) UUID id,
        @Schema(required = true, description = "The file's name as the member gave it", maxLength = 255) String fileName,
        @Schema(required = true, description = "The media type found from the content", maxLength = 100, example = "image/jpeg") String mediaType,
        @Schema(required = true, description = "Size in bytes, as stored", minimum = "0", maximum = "9223372036854775807") long size,
        @Schema(required = true, description = "SHA-256 (hex) of the stored file", minLength = 64, maxLength = 64, pattern = "^[0-9a-f]{64}$") String sha256,
        @Schema(required = true, description = "When it was attached (server time)") Instant attachedAt) {
}
