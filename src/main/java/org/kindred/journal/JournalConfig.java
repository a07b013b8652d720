package org.kindred.journal;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings under {@code kindred.journal}; every one is documented in the README's configuration table. */
@ConfigMapping(prefix = "kindred.journal")
public interface JournalConfig {

    /**
     * Directory of key-encryption keys, one file per key named {@code <kek-id>.key} holding 32 random bytes in base64.
     * Required in prod; dev uses a fixed development key when it is absent.
     */
    Optional<String> kekDir();

    /** The KEK that wraps new and re-wrapped data keys; defaults to the last id in lexical order (name files by date). */
    Optional<String> kekId();

    /** Deadline reminders. */
    Reminders reminders();

    interface Reminders {
        /** How often due reminders are looked for (a reminder arrives at most this late). */
        @WithDefault("1m")
        Duration interval();

        /** How many due reminders one round delivers in one transaction. */
        @WithDefault("200")
        int batchSize();
    }
    /** The optional member-chosen journal passphrase. */
    Passphrase passphrase();

    interface Passphrase {
        /**
         * Argon2id memory (KiB) for keys derived from a new or changed passphrase; each journal keeps the parameters
         * it was derived with, so raising these applies at the member's next change. OWASP minimum: 19456, t=2, p=1.
         */
        @WithDefault("19456")
        int memoryKib();

        /** Argon2id passes. */
        @WithDefault("2")
        int iterations();

        /** Argon2id lanes. */
        @WithDefault("1")
        int parallelism();
    }

    /** Bytes of attachments one member may keep, counted after metadata stripping (100 MiB). */
    @WithDefault("104857600")
    long attachmentQuotaBytes();

    /** Attachments one entry may have. */
    @WithDefault("20")
    int attachmentsPerEntry();
}
