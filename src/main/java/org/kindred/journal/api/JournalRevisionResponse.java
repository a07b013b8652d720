package org.kindred.journal.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JournalRevision", description = "One version of an entry as it was recorded; never changed afterwards")
public record JournalRevisionResponse(
        @Schema(required = true, minimum = "1", maximum = "2147483647", example = "1") int version,
        @Schema(required = true, description = "When this version was recorded (server time)") Instant recordedAt,
        @Schema(required = true, description = "SHA-256 (hex) of this revision's link in the hash chain", minLength = 64, maxLength = 64, pattern = "^[0-9a-f]{64}$") String hash,
        @Schema(required = true) IncidentFields incident) {
}
