package org.kindred.journal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.kindred.journal.JournalReminderRepository.PlanRow;
import org.kindred.journal.JournalReminderRepository.ReminderRow;
import org.kindred.journal.JournalRepository.EntryRow;
import org.kindred.journal.JournalVault.Journal;
import org.kindred.journal.api.IncidentFields;
import org.kindred.journal.api.JournalReminderRequest;
import org.kindred.journal.api.JournalRemindersResponse;
import org.kindred.notifications.NotificationRepository;
import org.kindred.notifications.NotificationRepository.Delivery;
import org.kindred.notifications.NotificationRepository.Recipients;
import org.kindred.pathways.Area;
import org.kindred.pathways.PathwayDeadlines;
import org.kindred.pathways.PathwayFilter;
import org.kindred.pathways.api.ComputedDeadline;
import org.kindred.pathways.api.DeadlinesResponse;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.error.UnprocessableException;
import org.kindred.platform.security.CurrentUser;
import org.kindred.platform.web.ETags;
import org.kindred.platform.web.Versioned;

import io.quarkus.scheduler.Scheduled;

/**
 * The deadlines of a journal entry and the reminders before them. Deadlines come from the complaint pathways that
 * apply to the entry's date, area and grounds in the country the member names; reminders (opt-in per entry) are
 * due 30, 7 and 1 days before each, at 09:00 in the member's time zone, and arrive as content-free
 * {@code JOURNAL_DEADLINE} notifications. The plan (country, last act, pauses, zone) is encrypted with the member's
 * data key, so erasure shreds it with the journal; the database sees only when reminders are due.
 */
@ApplicationScoped
public class JournalReminders {

    /** How many days before a deadline reminders come. */
    static final List<Integer> DAYS_BEFORE = List.of(30, 7, 1);
    /** The hour of the day, in the member's zone, a reminder is due. */
    static final LocalTime HOUR = LocalTime.of(9, 0);
    private static final Logger LOG = Logger.getLogger(JournalReminders.class);
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final JournalRepository entries;
    private final JournalReminderRepository reminders;
    private final JournalVault vault;
    private final PathwayDeadlines pathways;
    private final NotificationRepository notifications;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final int batchSize;

    public JournalReminders(JournalRepository entries, JournalReminderRepository reminders, JournalVault vault,
            PathwayDeadlines pathways, NotificationRepository notifications, CurrentUser currentUser, Clock clock,
            JournalConfig config) {
        this.entries = entries;
        this.reminders = reminders;
        this.vault = vault;
        this.pathways = pathways;
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.clock = clock;
        this.batchSize = config.reminders().batchSize();
    }

    /** The time limits of every pathway that applies to one of the member's entries, earliest first. */
    @Transactional
    public DeadlinesResponse deadlines(UUID entryId, JournalReminderRequest where) {
        UUID me = currentUser.requireAccountId();
        EntryRow row = entries.find(me, entryId, false).orElseThrow(JournalService::notFound);
        Journal journal = vault.openForRead(me).orElseThrow(JournalService::notFound);
        return compute(EntryCodec.open(journal.dataKey(), entryId, row.version(), row.content()), where);
    }

    @Transactional
    public Versioned<JournalRemindersResponse> get(UUID entryId) {
        UUID me = currentUser.requireAccountId();
        entries.find(me, entryId, false).orElseThrow(JournalService::notFound);
        PlanRow plan = reminders.plan(me, entryId).orElseThrow(JournalReminders::noReminders);
        Journal journal = vault.openForRead(me).orElseThrow(JournalService::notFound);
        return versioned(response(me, entryId, openPlan(journal.dataKey(), entryId, plan.plan()), plan.updatedAt()));
    }

    /** Turns reminders on for an entry, or replaces their plan; honours If-Match (the ETag of GET). */
    @Transactional
    public Versioned<JournalRemindersResponse> set(UUID entryId, JournalReminderRequest plan, String ifMatch) {
        UUID me = currentUser.requireAccountId();
        EntryRow row = entries.find(me, entryId, true).orElseThrow(JournalService::notFound);
        Journal journal = vault.openForWrite(me);
        if (ifMatch != null && !ifMatch.isBlank()) {
            PlanRow current = reminders.plan(me, entryId).orElseThrow(
                    org.kindred.platform.error.PreconditionFailedException::new);
            ETags.requireMatch(ifMatch, etag(response(me, entryId,
                    openPlan(journal.dataKey(), entryId, current.plan()), current.updatedAt())));
        }
        IncidentFields incident = EntryCodec.open(journal.dataKey(), entryId, row.version(), row.content());
        Instant now = clock.instant();
        schedule(me, entryId, incident, plan, now);
        reminders.savePlan(me, entryId, sealPlan(journal.dataKey(), entryId, plan), now);
        return versioned(response(me, entryId, plan, now));
    }

    /** Turns an entry's reminders off; its reminder notifications go too. */
    @Transactional
    public void delete(UUID entryId) {
        UUID me = currentUser.requireAccountId();
        entries.find(me, entryId, true).orElseThrow(JournalService::notFound);
        vault.openForWrite(me); // a protected journal is changed only with its passphrase
        if (!reminders.forget(me, entryId)) {
            throw noReminders();
        }
        notifications.deleteAboutJournalEntry(me, entryId);
    }

    /** After an edit (inside its transaction): the entry's reminders follow its new date, area and grounds. */
    void replan(Journal journal, UUID entryId, IncidentFields incident) {
        reminders.plan(journal.accountId(), entryId).ifPresent(plan -> {
            try {
                schedule(journal.accountId(), entryId, incident, openPlan(journal.dataKey(), entryId, plan.plan()),
                        clock.instant());
            } catch (UnprocessableException e) {
                // The plan's last act is now before the entry's date: the edit stands, the reminders stay as they
                // were (never fewer because of an edit) until the member sends a plan that fits.
            }
        });
    }

    /** When the member deletes an entry (inside its transaction): its plan, reminders and their notifications go. */
    void forget(UUID accountId, UUID entryId) {
        reminders.forget(accountId, entryId);
        notifications.deleteAboutJournalEntry(accountId, entryId);
    }

    @Scheduled(every = "${kindred.journal.reminders.interval}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            while (runOnce(clock.instant()) == batchSize) {
                // a full batch: there may be more due
            }
        } catch (RuntimeException e) {
            LOG.warnf("Journal reminder round failed: %s", e.getClass().getSimpleName());
        }
    }

    /**
     * Delivers the reminders due at {@code now}, one batch, in one transaction (replicas skip each other's rows).
     * A reminder delivered late says the days actually left; one whose deadline has passed is dropped unsent.
     * Returns how many it claimed.
     */
    @Transactional
    public int runOnce(Instant now) {
        List<ReminderRow> due = reminders.claimDue(now, batchSize);
        for (ReminderRow r : due) {
            long late = Duration.between(r.remindAt(), now).toDays();
            long daysLeft = r.daysBefore() - late;
            if (daysLeft >= 0) {
                notifications.deliver(Delivery.journalDeadline(r.entryId(), (int) daysLeft),
                        Recipients.account(r.accountId()), null, now);
            }
            reminders.markSent(r.id(), now);
        }
        return due.size();
    }

    private DeadlinesResponse compute(IncidentFields incident, JournalReminderRequest where) {
        PathwayFilter filter = new PathwayFilter(where.country(), where.subdivision(),
                Area.valueOf(incident.area().name()), Set.copyOf(incident.grounds()));
        return pathways.forIncident(new PathwayDeadlines.Incident(filter, incident.date(), where.lastActDate(),
                where.paused(), zone(where, incident)));
    }

    /** Replaces the entry's unsent reminders by those of its deadlines now; 422 for dates out of order. */
    private void schedule(UUID accountId, UUID entryId, IncidentFields incident, JournalReminderRequest plan,
            Instant now) {
        ZoneId zone = zone(plan, incident);
        ZoneId at = zone == null ? UTC : zone;
        LocalDate today = LocalDate.ofInstant(now, at);
        Set<LocalDate> deadlines = new TreeSet<>();
        for (ComputedDeadline d : compute(incident, plan).items()) {
            if (!d.date().isBefore(today)) {
                deadlines.add(d.date());
            }
        }
        List<ReminderRow> due = new ArrayList<>();
        for (LocalDate deadline : deadlines) {
            for (int before : DAYS_BEFORE) {
                LocalDate day = deadline.minusDays(before);
                if (day.isBefore(today)) {
                    continue;
                }
                Instant when = day.atTime(HOUR).atZone(at).toInstant();
                due.add(new ReminderRow(UUID.randomUUID(), entryId, accountId, when.isBefore(now) ? now : when,
                        deadline, before, null));
            }
        }
        reminders.replaceUnsent(accountId, entryId, due);
    }

    private static ZoneId zone(JournalReminderRequest plan, IncidentFields incident) {
        String id = plan.timeZone() != null ? plan.timeZone() : incident.timeZone();
        if (id == null) {
            return null;
        }
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw new BadRequestException("timeZone", "is not an IANA time zone, e.g. Europe/London");
        }
        return ZoneId.of(id);
    }

    private JournalRemindersResponse response(UUID accountId, UUID entryId, JournalReminderRequest plan,
            Instant updatedAt) {
        List<JournalRemindersResponse.Reminder> items = reminders.reminders(accountId, entryId).stream()
                .map(r -> new JournalRemindersResponse.Reminder(r.remindAt(), r.deadlineOn(), r.daysBefore(),
                        r.sentAt()))
                .toList();
        return new JournalRemindersResponse(entryId, plan, items, updatedAt);
    }

    private static Versioned<JournalRemindersResponse> versioned(JournalRemindersResponse body) {
        return new Versioned<>(body, etag(body));
    }

    private static String etag(JournalRemindersResponse body) {
        try {
            return ETags.ofContent(JournalChain.CANONICAL.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sealPlan(SecretKey dataKey, UUID entryId, JournalReminderRequest plan) {
        try {
            return Aead.seal(dataKey, aad(entryId), JournalChain.CANONICAL.writeValueAsBytes(plan));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JournalReminderRequest openPlan(SecretKey dataKey, UUID entryId, byte[] sealed) {
        try {
            return JournalChain.CANONICAL.readValue(Aead.open(dataKey, aad(entryId), sealed),
                    JournalReminderRequest.class);
        } catch (IOException e) {
            throw new IllegalStateException("a reminder plan does not parse after decryption", e);
        }
    }

    private static byte[] aad(UUID entryId) {
        return ("kindred-journal-reminders:" + entryId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static NotFoundException noReminders() {
        return new NotFoundException("No reminders are set for this entry");
    }
}
