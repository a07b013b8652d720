package org.kindred.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.runtime.LaunchMode;

/**
 * What an operator sees of the VAPID key setting in production: no setting runs without Web Push; a setting whose file
 * is missing (the Secret not created or not mounted) or is not the key stops the start and says which.
 */
class VapidKeyTest {

    @Test
    void withoutAKeyFileProductionRunsWithoutWebPush() {
        assertEquals(Optional.empty(), VapidKey.load(Optional.empty(), LaunchMode.NORMAL));
    }

    @Test
    void theMountedKeyIsRead() throws Exception {
        Path key = Path.of(getClass().getResource("/push/vapid-test.pem").toURI());
        assertTrue(VapidKey.load(Optional.of(key.toString()), LaunchMode.NORMAL).isPresent());
    }

    @Test
    void aKeyFileThatIsNotThereStopsTheStartAndSaysWhere(@TempDir Path dir) {
        String missing = dir.resolve("push/vapid.pem").toString();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> VapidKey.load(Optional.of(missing), LaunchMode.NORMAL));
        assertTrue(e.getMessage().startsWith("KINDRED_PUSH_VAPID_KEY_FILE (kindred.push.vapid-key-file) names "
                + missing + ", which cannot be read"), e.getMessage());
        assertTrue(e.getMessage().contains("kindred-push-vapid"), "names the Secret to create: " + e.getMessage());
        assertTrue(e.getMessage().contains("unset the setting to run without Web Push"), e.getMessage());
    }

    @Test
    void aFileThatIsNotTheKeyStopsTheStart(@TempDir Path dir) throws Exception {
        Path notAKey = Files.writeString(dir.resolve("vapid.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n"
                + "-----END PRIVATE KEY-----\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> VapidKey.load(Optional.of(notAKey.toString()), LaunchMode.NORMAL));
        assertTrue(e.getMessage().contains(notAKey + " is not a PEM file with a P-256 PRIVATE KEY and its PUBLIC KEY"),
                e.getMessage());
    }
}
