package org.kindred.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.SecretKey;

import org.kindred.journal.JournalRepository.EntryRow;
import org.kindred.journal.JournalRepository.RevisionRow;
import org.kindred.journal.api.IncidentFields;
import org.kindred.journal.api.JournalEntryResponse;
import org.kindred.journal.api.JournalRevisionResponse;

/**
 * Encrypts an incident for storage and decrypts it for its owner: the canonical JSON of the fields, sealed with the
 * member's data key, with the entry id and version as associated data (a ciphertext moved to another entry or
 * version does not decrypt).
 */
final class EntryCodec {

    private EntryCodec() {
    }

    static byte[] seal(SecretKey dataKey, UUID entryId, int version, IncidentFields incident) {
        return Aead.seal(dataKey, aad(entryId, version), JournalChain.canonical(incident));
    }

    static IncidentFields open(SecretKey dataKey, UUID entryId, int version, byte[] content) {
        byte[] json = Aead.open(dataKey, aad(entryId, version), content);
        try {
            return JournalChain.CANONICAL.readValue(json, IncidentFields.class);
        } catch (IOException e) {
            throw new IllegalStateException("a journal entry does not parse after decryption", e);
        }
    }

    static JournalEntryResponse response(SecretKey dataKey, EntryRow row, List<RevisionRow> revisions) {
        return new JournalEntryResponse(row.id(), row.version(), row.createdAt(), row.updatedAt(),
                JournalChain.hex(row.hash()), open(dataKey, row.id(), row.version(), row.content()),
                revisions.stream().map(r -> revision(dataKey, r)).toList());
    }

    static JournalRevisionResponse revision(SecretKey dataKey, RevisionRow r) {
        return new JournalRevisionResponse(r.version(), r.recordedAt(), JournalChain.hex(r.hash()),
                open(dataKey, r.entryId(), r.version(), r.content()));
    }

    /** Revisions grouped by entry, each list in version order. */
    static Map<UUID, List<RevisionRow>> byEntry(List<RevisionRow> revisions) {
        return revisions.stream().filter(r -> r.content() != null)
                .collect(Collectors.groupingBy(RevisionRow::entryId, Collectors.toList()));
    }

    private static byte[] aad(UUID entryId, int version) {
        return ("kindred-journal-entry:" + entryId + ":" + version).getBytes(StandardCharsets.UTF_8);
    }
}
