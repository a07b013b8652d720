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
    /** Bytes of attachments one member may keep, counted after metadata stripping (100 MiB). */
    @WithDefault("104857600")
    long attachmentQuotaBytes();

    /** Attachments one entry may have. */
    @WithDefault("20")
    int attachmentsPerEntry();
}
