package org.kindred.journal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kindred.journal.api.JournalSummaryResponse;
import org.kindred.journal.api.SetJournalPassphraseRequest;
import org.kindred.platform.openapi.Responses;

import io.quarkus.security.Authenticated;

/**
 * The member's optional journal passphrase. Wrong passphrases count against the PASSWORD rate limit (only the wrong
 * ones: a member's own correct uses never run it down), checked before every derivation, so guessing ends in 429.
 */
@Path("/api/v1/me/journal/passphrase")
@Tag(name = "Journal")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class JournalPassphraseResource {

    private static final String LOSS = " **Nobody can recover a lost passphrase**, not even the service's operators: if you forget it, your "
            + "journal (entries, history, attachments) is lost for good; only its content-free hash chain and your reminder dates remain.";

    private final JournalService journal;

    public JournalPassphraseResource(JournalService journal) {
        this.journal = journal;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setMyJournalPassphrase", summary = "Set or change your journal passphrase", description = """
            Protects your journal with a passphrase only you know: your journal's data key is sealed with a key derived \
            from it (Argon2id, a random salt of your own), inside the service's key-encryption key, so the service's \
            operators cannot read your journal even with their keys, and a stolen database copy plus those keys still \
            needs your passphrase. From then on every request that reads or changes your journal, exports it or \
            downloads an attachment must send it in `Kindred-Journal-Passphrase` (base64url of its UTF-8 bytes). \
            Reminders keep working without it: their dates are stored unencrypted. Your journal summary says whether \
            one is set.

            `acknowledgeLossIsPermanent: true` is required. To change the passphrase, send the current one as \
            `currentPassphrase` (or in the header); wrong ones count against the PASSWORD rate limit like password \
            checks (401, then 429). Works before your first entry too. Takes no `If-Match`: it proves the state it \
            replaces with the current passphrase."""
            + LOSS)
    @APIResponse(responseCode = "200", description = "Set; your journal's summary", content = @Content(schema = @Schema(implementation = JournalSummaryResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Malformed JSON, a passphrase under 12 or over 1024 characters, `acknowledgeLossIsPermanent` not true, "
            + "a malformed `Kindred-Journal-Passphrase`")
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "429", ref = Responses.TOO_MANY_REQUESTS, description = "Too many wrong journal passphrases or password checks (PASSWORD class)")
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    public JournalSummaryResponse set(@Valid @NotNull SetJournalPassphraseRequest request) {
        return journal.setPassphrase(request);
    }

    @DELETE
    @Operation(operationId = "removeMyJournalPassphrase", summary = "Remove your journal passphrase", description = """
            Send the passphrase in `Kindred-Journal-Passphrase`. Your journal's data key is then wrapped by the \
            service's key-encryption key alone again: requests no longer need the passphrase, and whoever runs the \
            service with that key could decrypt your journal. Wrong passphrases count against the PASSWORD rate \
            limit (401, then 429).""")
    @APIResponse(responseCode = "200", description = "Removed; your journal's summary", content = @Content(schema = @Schema(implementation = JournalSummaryResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "A malformed `Kindred-Journal-Passphrase`")
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "`no-journal-passphrase`: your journal has none")
    @APIResponse(responseCode = "429", ref = Responses.TOO_MANY_REQUESTS, description = "Too many wrong journal passphrases or password checks (PASSWORD class)")
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    public JournalSummaryResponse remove() {
        return journal.removePassphrase();
    }
}
