package org.kindred.journal.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JournalChainLink", description = "One link of the journal's hash chain: a version of an entry as recorded")
public record ChainLink(
        @Schema(required = true) UUID entryId,
        @Schema(required = true, minimum = "1", maximum = "2147483647", example = "1") int version,
        @Schema(required = true) Instant recordedAt,
        @Schema(required = true, nullable = true, description = "The previous link's hash (hex); null for the first link", minLength = 64, maxLength = 64, pattern = "^[0-9a-f]{64}$") String prevHash,
        @Schema(required = true, description = "SHA-256 (hex) of the canonical JSON of {entryId, version, recordedAt, incident, prevHash}", minLength = 64, maxLength = 64, pattern = "^[0-9a-f]{64}$") String hash,
        @Schema(required = true, description = "The entry was deleted: its words are gone, its hash stays so the chain still verifies") boolean deleted) {
}
