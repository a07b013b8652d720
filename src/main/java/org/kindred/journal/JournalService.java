package org.kindred.journal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.journal.JournalRepository.EntryRow;
import org.kindred.journal.JournalRepository.RevisionRow;
import org.kindred.journal.JournalVault.Journal;
import org.kindred.journal.api.IncidentFields;
import org.kindred.journal.api.JournalEntryResponse;
import org.kindred.journal.api.JournalSummaryResponse;
import org.kindred.journal.api.SetJournalPassphraseRequest;
import org.kindred.journal.api.UpdateIncidentRequest;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.error.UnprocessableException;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.KeysetPaging.TimeAndId;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentUser;
import org.kindred.platform.web.ETags;
import org.kindred.platform.web.Versioned;

/**
 * A member's incident journal: only its owner ever reaches it (another member's entry is 404, exactly like one that
 * does not exist). Entries are encrypted with the member's data key; an edit appends a revision and a link to the
 * member's hash chain, the original stays.
 */
@ApplicationScoped
public class JournalService {

    /** The earliest incident date accepted. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** Without a time zone, a date is in the future only once it is in the future everywhere on Earth. */
    static final ZoneId EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private final JournalRepository entries;
    private final JournalVault vault;
    private final JournalReminders reminders;
    private final AttachmentService attachments;
    private final KeysetPaging paging;
    private final CurrentUser currentUser;
    private final Clock clock;

    public JournalService(JournalRepository entries, JournalVault vault, JournalReminders reminders,
            AttachmentService attachments, KeysetPaging paging, CurrentUser currentUser, Clock clock) {
        this.entries = entries;
        this.vault = vault;
        this.reminders = reminders;
        this.attachments = attachments;
        this.paging = paging;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    public Versioned<JournalEntryResponse> create(IncidentFields incident) {
        UUID me = currentUser.requireAccountId();
        IncidentFields checked = checked(incident);
        Journal journal = vault.openForWrite(me);
        UUID id = UUID.randomUUID();
        Instant now = now();
        entries.insertEntry(id, me, now);
        RevisionRow revision = append(journal, id, 1, checked, now);
        return Versioned.of(new JournalEntryResponse(id, 1, now, now, JournalChain.hex(revision.hash()), checked,
                List.of()), 1);
    }

    @Transactional
    public Page<JournalEntryResponse> page(PageParams params) {
        UUID me = currentUser.requireAccountId();
        return paging.page("journal|" + me, params, 2, (at, direction, limit) -> {
            TimeAndId position = TimeAndId.of(at);
            return entries.page(me, direction, TimeAndId.at(position), TimeAndId.id(position), limit);
        }, row -> TimeAndId.key(row.createdAt(), row.id()), rows -> {
            if (rows.isEmpty()) {
                return List.of();
            }
            Journal journal = vault.openForRead(me).orElseThrow();
            return rows.stream().map(row -> EntryCodec.response(journal.dataKey(), row, List.of())).toList();
        });
    }

    @Transactional
    public Versioned<JournalEntryResponse> get(UUID entryId) {
        UUID me = currentUser.requireAccountId();
        EntryRow row = entries.find(me, entryId, false).orElseThrow(JournalService::notFound);
        Journal journal = vault.openForRead(me).orElseThrow(JournalService::notFound);
        return Versioned.of(EntryCodec.response(journal.dataKey(), row, entries.revisions(me, entryId)),
                row.version());
    }

    @Transactional
    public Versioned<JournalEntryResponse> update(UUID entryId, UpdateIncidentRequest patch, String ifMatch) {
        UUID me = currentUser.requireAccountId();
        EntryRow row = entries.find(me, entryId, true).orElseThrow(JournalService::notFound);
        ETags.requireMatch(ifMatch, row.version());
        Journal journal = vault.openForWrite(me);
        IncidentFields current = EntryCodec.open(journal.dataKey(), entryId, row.version(), row.content());
        IncidentFields changed = checked(patch.applyTo(current));
        if (changed.equals(current)) {
            return Versioned.of(EntryCodec.response(journal.dataKey(), row, List.of()), row.version());
        }
        int version = row.version() + 1;
        Instant now = now();
        RevisionRow revision = append(journal, entryId, version, changed, now);
        entries.setVersion(entryId, version, now);
        reminders.replan(journal, entryId, changed);
        return Versioned.of(new JournalEntryResponse(entryId, version, row.createdAt(), now,
                JournalChain.hex(revision.hash()), changed, List.of()), version);
    }

    /**
     * Deletes an entry and every revision's contents at once, and its attachments. The hashes stay, so the chain and
     * earlier exports still verify; what the entry said is gone.
     */
    @Transactional
    public void delete(UUID entryId) {
        UUID me = currentUser.requireAccountId();
        entries.find(me, entryId, true).orElseThrow(JournalService::notFound);
        vault.openForWrite(me); // a protected journal is changed only with its passphrase
        attachments.deleteAllOf(me, entryId);
        entries.delete(entryId, now());
        reminders.forget(me, entryId);
    }

    @Transactional
    public JournalSummaryResponse summary() {
        UUID me = currentUser.requireAccountId();
        return vault.status(me).map(s -> summary(me, s)).orElse(new JournalSummaryResponse(0, 0, null, false, null));
    }

    /**
     * Sets or changes the journal passphrase. The current one comes from the body or, failing that, the request's
     * header; 401 when one is set and neither opens the journal.
     */
    @Transactional
    public JournalSummaryResponse setPassphrase(SetJournalPassphraseRequest request) {
        UUID me = currentUser.requireAccountId();
        Optional<String> current = Optional.ofNullable(request.currentPassphrase()).filter(p -> !p.isEmpty());
        vault.setPassphrase(me, current.isPresent() ? current : vault.presentedPassphrase(), request.passphrase());
        return summary(me, vault.status(me).orElseThrow());
    }

    /** Removes the passphrase; it must be sent in the request's header. 409 when none is set. */
    @Transactional
    public JournalSummaryResponse removePassphrase() {
        UUID me = currentUser.requireAccountId();
        vault.removePassphrase(me);
        return summary(me, vault.status(me).orElseThrow());
    }

    private JournalSummaryResponse summary(UUID me, JournalVault.Status s) {
        return new JournalSummaryResponse(entries.countEntries(me), s.chainLength(), JournalChain.hex(s.chainHead()),
                s.passphraseSet(), s.passphraseSetAt());
    }

    /** Encrypts a revision, links it to the member's chain and stores both. */
    private RevisionRow append(Journal journal, UUID entryId, int version, IncidentFields incident, Instant now) {
        byte[] hash = JournalChain.hash(entryId, version, now, incident, journal.chainHead());
        RevisionRow revision = new RevisionRow(entryId, version, journal.chainLength() + 1,
                EntryCodec.seal(journal.dataKey(), entryId, version, incident), journal.chainHead(), hash, now);
        entries.insertRevision(journal.accountId(), revision);
        vault.advance(journal.accountId(), revision.chainSeq(), hash);
        return revision;
    }

    /** The rules a body's annotations cannot state: required after a merge patch, a real zone, not in the future. */
    IncidentFields checked(IncidentFields f) {
        require("whatHappened", f.whatHappened() != null && !f.whatHappened().isBlank());
        require("date", f.date() != null);
        require("area", f.area() != null);
        if (f.timeZone() != null && !ZoneId.getAvailableZoneIds().contains(f.timeZone())) {
            throw new BadRequestException("timeZone", "is not an IANA time zone, e.g. Europe/London");
        }
        if (f.date().isBefore(EARLIEST)) {
            throw new BadRequestException("date", "must be 1900-01-01 or later");
        }
        ZoneId zone = f.timeZone() == null ? EARLIEST_ZONE : ZoneId.of(f.timeZone());
        LocalDateTime localNow = LocalDateTime.now(clock.withZone(zone));
        boolean future = f.date().isAfter(localNow.toLocalDate()) || (f.timeZone() != null && f.time() != null
                && f.date().equals(localNow.toLocalDate())
                && LocalTime.parse(f.time()).isAfter(localNow.toLocalTime()));
        if (future) {
            throw new UnprocessableException("date-in-future", "Date in the future",
                    "An incident cannot have happened after today: check the date, time and time zone");
        }
        return f;
    }

    private static void require(String field, boolean present) {
        if (!present) {
            throw new BadRequestException(field, "must not be null or blank");
        }
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: hash exactly what is stored.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static NotFoundException notFound() {
        return new NotFoundException("No such journal entry");
    }
}
