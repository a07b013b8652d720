package org.kindred.journal.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "JournalSummary", description = "Your journal at a glance, the head of its hash chain and whether it has a passphrase. "
        + "Answered without the passphrase: none of it is encrypted")
public record JournalSummaryResponse(
        @Schema(required = true, description = "Entries you have not deleted", minimum = "0", maximum = "9223372036854775807") long entries,
        @Schema(required = true, description = "Links in the hash chain: every version of every entry ever recorded", minimum = "0", maximum = "9223372036854775807") long chainLength,
        @Schema(required = true, nullable = true, description = "SHA-256 (hex) of the newest link; null for an empty journal. Write it down or send it to someone you trust: "
                + "an export whose chain ends in this hash contains everything recorded until now, unaltered", minLength = 64, maxLength = 64, pattern = "^[0-9a-f]{64}$") String chainHead,
        @Schema(required = true, description = "Whether your journal has a passphrase: then every request that reads or changes it must send it in "
                + "`Kindred-Journal-Passphrase`. Nobody can recover a lost passphrase, not even the service's operators: the journal is lost with it") boolean passphraseSet,
        @Schema(required = true, nullable = true, description = "When the passphrase was last set or changed; null without one") Instant passphraseSetAt) {
}
