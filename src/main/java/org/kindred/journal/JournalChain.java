package org.kindred.journal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.kindred.journal.api.IncidentFields;

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
}
