package org.kindred.journal.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SetJournalPassphraseRequest", description = "A new journal passphrase. Nobody can recover it for you: if you forget it, your journal is lost for good")
public record SetJournalPassphraseRequest(
        @Schema(required = true, description = "The new passphrase: 12 to 1024 characters, any script (compared after Unicode NFC normalisation). "
                + "Choose a long one (several unrelated words): whoever holds both a database copy and the service's key-encryption key can try guesses offline", minLength = 12, maxLength = 1024, example = "kettle orbit thimble lantern") @NotNull @Size(min = 12, max = 1024) String passphrase,
        @Schema(description = "The passphrase you have now; required to change one (or send it in `Kindred-Journal-Passphrase`), ignored when none is set", maxLength = 1024, example = "my old journal passphrase") @Size(max = 1024) String currentPassphrase,
        @Schema(required = true, description = "Must be `true`: you understand that a lost passphrase loses your journal, entries and attachments, and that nobody can recover it", example = "true") @NotNull @AssertTrue(message = "must be true: a lost passphrase loses your journal for good") Boolean acknowledgeLossIsPermanent) {
}
