package org.kindred.journal.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the evidence keys: which signs, which only verify, and every way a key directory can be wrong. */
class EvidenceKeysTest {

    static final Path TEST_KEYS = Path.of("src/test/resources/evidence-keys");
    static final Path RETIRED_PRIVATE = Path.of("src/test/resources/evidence-keys-retired/2026-01-01.pem");

    @TempDir
    Path dir;

    @Test
    void theNewestPrivateKeySignsAndPublicOnlyKeysStayPublished() {
        EvidenceKeys keys = new EvidenceKeys(Optional.of(TEST_KEYS), Optional.empty(), true);
        assertEquals("2026-06-01", keys.active().kid());
        assertEquals(List.of("2026-01-01", "2026-06-01"), keys.all().stream().map(k -> k.kid()).toList());
        assertEquals(List.of("retired", "active"), keys.all().stream().map(k -> k.status()).toList());
        assertTrue(keys.byId("2026-01-01").orElseThrow().privateKey().isEmpty());
        assertEquals(LocalDate.of(2026, 1, 1), keys.byId("2026-01-01").orElseThrow().activeFrom());
        byte[] input = "evidence".getBytes(StandardCharsets.UTF_8);
        assertTrue(EvidenceKeys.verify(keys.active().publicKey(), input, keys.sign(input)));
    }

    @Test
    void aPinnedKeySignsAndANewerOneIsPublishedAsNext() throws Exception {
        Files.copy(RETIRED_PRIVATE, dir.resolve("2026-01-01.pem"));
        Files.copy(TEST_KEYS.resolve("2026-06-01.pem"), dir.resolve("2026-06-01.pem"));
        EvidenceKeys keys = new EvidenceKeys(Optional.of(dir), Optional.of("2026-01-01"), true);
        assertEquals("2026-01-01", keys.active().kid());
        assertEquals(List.of("active", "next"), keys.all().stream().map(k -> k.status()).toList());
        // A private key's public half derived by the service is the one openssl derives.
        assertEquals(List.of(Files.readString(TEST_KEYS.resolve("2026-01-01.pub.pem")).strip()),
                List.of(pem(keys.byId("2026-01-01").orElseThrow().publicKey().getEncoded())));
    }

    @Test
    void productionRefusesToStartWithoutKeysAndDevHasAPublicDevelopmentKey() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> new EvidenceKeys(Optional.empty(), Optional.empty(), true));
        assertTrue(missing.getMessage().contains("KINDRED_EVIDENCE_KEY_DIR"));
        EvidenceKeys dev = new EvidenceKeys(Optional.empty(), Optional.empty(), false);
        assertEquals("dev-only-not-secret", dev.active().kid());
    }

    @Test
    void wrongDirectoriesAreRefusedAtStartup() throws Exception {
        assertThrows(IllegalStateException.class,
                () -> new EvidenceKeys(Optional.of(TEST_KEYS), Optional.of("2026-01-01"), true),
                "a public-only key cannot sign");
        assertThrows(IllegalStateException.class,
                () -> new EvidenceKeys(Optional.of(TEST_KEYS), Optional.of("2030-01-01"), true), "no such key");
        assertThrows(IllegalStateException.class, () -> new EvidenceKeys(Optional.of(dir), Optional.empty(), true),
                "an empty directory");

        Files.copy(TEST_KEYS.resolve("2026-01-01.pub.pem"), dir.resolve("2026-01-01.pub.pem"));
        assertThrows(IllegalStateException.class, () -> new EvidenceKeys(Optional.of(dir), Optional.empty(), true),
                "public keys only: nothing signs");

        Files.copy(TEST_KEYS.resolve("2026-06-01.pem"), dir.resolve("2026-01-01.pem"));
        IllegalStateException mismatch = assertThrows(IllegalStateException.class,
                () -> new EvidenceKeys(Optional.of(dir), Optional.empty(), true));
        assertTrue(mismatch.getMessage().contains("is not the public half"));

        Path other = Files.createDirectory(dir.resolve("other"));
        Files.writeString(other.resolve("2026-06-01.pem"),
                "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        assertThrows(IllegalStateException.class, () -> new EvidenceKeys(Optional.of(other), Optional.empty(), true),
                "not a key");
        Path named = Files.createDirectory(dir.resolve("named"));
        Files.copy(TEST_KEYS.resolve("2026-06-01.pem"), named.resolve("bad name.pem"));
        assertThrows(IllegalStateException.class, () -> new EvidenceKeys(Optional.of(named), Optional.empty(), true),
                "a kid with a space");
    }

    private static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getEncoder().encodeToString(der)
                + "\n-----END PUBLIC KEY-----";
    }
}
