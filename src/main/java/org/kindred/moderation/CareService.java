package org.kindred.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.accounts.AccountDirectory;
import org.kindred.library.CrisisLines;
import org.kindred.moderation.api.CareResponse;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.security.CurrentUser;

/**
 * The care path of a wellbeing concern (README "Privacy model", I3): the concern goes to the top of the moderators'
 * queue, never hides or counts against the person, and the person receives a private care note with the crisis
 * lines of their country, never learning who was worried. At most one note a day, so the number of notes does not
 * count the people who worried.
 */
@ApplicationScoped
public class CareService {

    static final Duration ONE_NOTE_PER = Duration.ofHours(24);
    static final int NOTES_SHOWN = 20;
    static final String MESSAGE = "Someone in your community is thinking of you. If things feel heavy right now, "
            + "you do not have to face them alone: the lines below are there for you, and talking to someone you trust "
            + "can help too.";

    private final CareNoteRepository notes;
    private final CrisisLines crisisLines;
    private final AccountDirectory accounts;
    private final CurrentUser currentUser;
    private final Clock clock;

    public CareService(CareNoteRepository notes, CrisisLines crisisLines, AccountDirectory accounts,
            CurrentUser currentUser, Clock clock) {
        this.notes = notes;
        this.crisisLines = crisisLines;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A member said they are worried about this account: a care note, unless one was sent in the last day. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void worriedAbout(UUID accountId) {
        Instant now = clock.instant();
        if (!notes.existsSince(accountId, now.minus(ONE_NOTE_PER))) {
            notes.persist(CareNote.forAccount(accountId, now));
        }
    }

    @Transactional
    public CareResponse mine() {
        UUID me = currentUser.requireAccountId();
        List<CareResponse.Note> shown = notes.newest(me, NOTES_SHOWN).stream()
                .map(n -> new CareResponse.Note(n.id(), MESSAGE, n.createdAt())).toList();
        return new CareResponse(shown, crisisLines.forCountry(accounts.country(me).orElse(null)));
    }

    /** Dismisses one of the caller's notes; another member's note is 404, as if it did not exist. */
    @Transactional
    public void dismiss(UUID noteId) {
        UUID me = currentUser.requireAccountId();
        CareNote note = notes.findByIdOptional(noteId).filter(n -> n.accountId().equals(me))
                .orElseThrow(() -> new NotFoundException("No such care note"));
        notes.delete(note);
    }
}
