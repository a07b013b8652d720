package org.kindred.journal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kindred.journal.api.ChainLink;
import org.kindred.journal.api.IncidentFields;
import org.kindred.journal.api.JournalEntryResponse;
import org.kindred.journal.api.JournalExport;
import org.kindred.journal.api.JournalRevisionResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The member's hash chain and the one canonical JSON form it hashes: UTF-8, no insignificant whitespace, object keys
 * sorted, dates as ISO-8601 strings, absent optional fields as null. Each revision is a link:
 * {@code hash = SHA-256(canonical {entryId, version, recordedAt, incident, prevHash})}, where {@code prevHash} is the
 * previous link's hash (hex, null for the first), so changing, removing or reordering any link changes every hash
 * after it and the head.
 */
public final class JournalChain {

    /** Canonical JSON: what is hashed, signed and (encrypted) stored. */
    public static final ObjectMapper CANONICAL = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private JournalChain() {
    }

    /** The canonical record of one link. */
    public static Map<String, Object> record(UUID entryId, int version, Instant recordedAt, IncidentFields incident,
            String prevHash) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("entryId", entryId.toString());
        record.put("version", version);
        record.put("recordedAt", recordedAt.toString());
        record.put("incident", incident);
        record.put("prevHash", prevHash);
        return record;
    }

    public static byte[] hash(UUID entryId, int version, Instant recordedAt, IncidentFields incident,
            byte[] prevHash) {
        return sha256(canonical(record(entryId, version, recordedAt, incident, hex(prevHash))));
    }

    public static byte[] canonical(Object value) {
        try {
            return CANONICAL.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a journal record", e);
        }
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }

    /**
     * Checks an export's chain: every link follows the one before it, every link whose version is in the export hashes
     * to its recorded hash, every version in the export has a link, and the last link is the head. Returns the index of
     * the first failing link ({@code links.size()} when the head or coverage is wrong), or -1 when the chain verifies.
     */
    public static int firstBrokenLink(JournalExport export) {
        Map<String, JournalRevisionResponse> versions = new HashMap<>();
        for (JournalEntryResponse entry : export.entries()) {
            for (JournalRevisionResponse revision : entry.revisions()) {
                versions.put(entry.id() + "/" + revision.version(), revision);
            }
        }
        String prev = null;
        List<ChainLink> links = export.chain();
        for (int i = 0; i < links.size(); i++) {
            ChainLink link = links.get(i);
            JournalRevisionResponse revision = versions.remove(link.entryId() + "/" + link.version());
            boolean linked = java.util.Objects.equals(prev, link.prevHash());
            boolean hashes = revision == null
                    ? link.deleted()
                    : !link.deleted() && revision.recordedAt().equals(link.recordedAt())
                            && hex(hash(link.entryId(), link.version(), link.recordedAt(), revision.incident(),
                                    prev == null ? null : HexFormat.of().parseHex(prev))).equals(link.hash())
                            && link.hash().equals(revision.hash());
            if (!linked || !hashes) {
                return i;
            }
            prev = link.hash();
        }
        boolean complete = versions.isEmpty() && java.util.Objects.equals(prev, export.chainHead())
                && links.size() == export.chainLength();
        return complete ? -1 : links.size();
    }
}
