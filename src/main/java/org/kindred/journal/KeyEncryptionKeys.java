package org.kindred.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * The key-encryption keys (KEKs) that wrap members' journal data keys. Read once from {@code kindred.journal.kek-dir}
 * (a mounted secret, one {@code <kek-id>.key} file of 32 base64 bytes per key): all of them unwrap, the active one
 * wraps. In prod the service refuses to start without one; dev falls back to a fixed, publicly known development key,
 * so a dev database survives restarts and nothing real may ever be written with it.
 */
@Startup
@ApplicationScoped
public class KeyEncryptionKeys {

    static final String DEV_KEK_ID = "dev-only-not-secret";

    private final Map<String, SecretKey> keys;
    private final String activeId;

    public KeyEncryptionKeys(JournalConfig config) {
        if (config.kekDir().isPresent()) {
            keys = load(Path.of(config.kekDir().get()));
        } else if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException(
                    "Set KINDRED_JOURNAL_KEK_DIR to a directory of journal key-encryption keys (<kek-id>.key)");
        } else {
            keys = Map.of(DEV_KEK_ID, Aead.key(sha256("kindred development journal KEK, never for real data")));
        }
        activeId = config.kekId().orElse(keys.keySet().stream().max(Comparator.naturalOrder()).orElseThrow());
        if (!keys.containsKey(activeId)) {
            throw new IllegalStateException("kindred.journal.kek-id names no key in the KEK directory");
        }
    }

    String activeId() {
        return activeId;
    }

    SecretKey active() {
        return keys.get(activeId);
    }

    /** The KEK with this id, if this replica has it. */
    Optional<SecretKey> byId(String kekId) {
        return Optional.ofNullable(keys.get(kekId));
    }

    private static Map<String, SecretKey> load(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            Map<String, SecretKey> loaded = new LinkedHashMap<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".key"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList()) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - 4);
                if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
                    throw new IllegalStateException(
                            "KEK files must be <kek-id>.key with an id of [A-Za-z0-9._-]{1,64}");
                }
                byte[] raw;
                try {
                    raw = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("KEK " + id + " is not base64", e);
                }
                if (raw.length != Aead.KEY_BYTES) {
                    throw new IllegalStateException("KEK " + id + " must hold 32 bytes (openssl rand -base64 32)");
                }
                loaded.put(id, Aead.key(raw));
            }
            if (loaded.isEmpty()) {
                throw new IllegalStateException("No <kek-id>.key files in kindred.journal.kek-dir " + dir);
            }
            return Map.copyOf(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read kindred.journal.kek-dir " + dir, e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
