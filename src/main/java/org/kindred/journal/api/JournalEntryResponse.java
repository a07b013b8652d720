package org.kindred.journal.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JournalEntry", description = "One incident in your journal, as last edited")
public record JournalEntryResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true, description = "The newest revision's number (1: never edited); the entry's ETag", minimum = "1", maximum = "2147483647", example = "1") int version,
        @Schema(required = true, description = "When you first recorded it (server time)") Instant createdAt,
        @Schema(required = true, description = "When you last edited it (server time)") Instant updatedAt,
        @Schema(required = true, description = "SHA-256 (hex) of the newest revision's link in your journal's hash chain", minLength = 64, maxLength = 64, pattern = "^[0-9a-f]{64}$") String hash,
        @Schema(required = true) IncidentFields incident,
        @Schema(required = true, description = "Every version, oldest first, the original included: filled by GET /api/v1/me/journal/entries/{entryId}; "
                + "`[]` in lists and in the answers to POST and PATCH", maxItems = 100000) List<JournalRevisionResponse> revisions) {
}
