package org.kindred.journal.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JournalAttachment", description = "A file kept with a journal entry: its metadata. The bytes are at "
        + "GET /api/v1/me/journal/entries/{entryId}/attachments/{attachmentId}/content. Encrypted at rest with your own key, "
        + "the file name and type included.")
public record JournalAttachmentResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, description = "The entry it belongs to") UUID entryId,
        @Schema(required = true, maxLength = 255, description = "The name you gave it (`attachment.<extension>` when you gave none)", example = "meeting-notes.txt") String filename,
        @Schema(required = true, description = "The type found in the file's bytes (not the name or the Content-Type you sent)", enumeration = {
                "image/jpeg", "image/png", "image/webp", "application/pdf",
                "text/plain"}, example = "image/jpeg") String mediaType,
        @Schema(required = true, description = "Bytes stored (after metadata stripping): what counts to your quota", minimum = "1", maximum = "10485760", example = "482113") long size,
        @Schema(required = true, description = "SHA-256 (hex) of the bytes stored, exactly the bytes the content download returns", minLength = 64, maxLength = 64, pattern = "^[0-9a-f]{64}$") String sha256,
        @Schema(required = true, description = "Embedded metadata was removed before storing: true for every image (EXIF with GPS position and camera data, "
                + "XMP, IPTC, comments, text chunks), false for PDF and text, which are kept exactly as sent") boolean metadataStripped,
        @Schema(required = true, description = "When you added it (server time)") Instant createdAt){
}
