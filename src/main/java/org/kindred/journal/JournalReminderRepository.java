package org.kindred.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.kindred.platform.db.NativeSql;

/** The journal's reminder tables: one encrypted plan per entry, and the reminders computed from it. */
@ApplicationScoped
public class JournalReminderRepository {

    record PlanRow(UUID entryId, byte[] plan, Instant updatedAt) {
    }

    record ReminderRow(UUID id, UUID entryId, UUID accountId, Instant remindAt, LocalDate deadlineOn, int daysBefore,
            Instant sentAt) {
    }

    private final EntityManager em;

    public JournalReminderRepository(EntityManager em) {
        this.em = em;
    }

    Optional<PlanRow> plan(UUID accountId, UUID entryId) {
        List<?> rows = em.createNativeQuery("""
                SELECT entry_id, plan, updated_at FROM journal_reminder_plans
                WHERE entry_id = :entry AND account_id = :account""").setParameter("entry", entryId)
                .setParameter("account", accountId).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new PlanRow((UUID) r[0], (byte[]) r[1], NativeSql.instant(r[2]))).findFirst();
    }

    void savePlan(UUID accountId, UUID entryId, byte[] plan, Instant now) {
        em.createNativeQuery("""
                INSERT INTO journal_reminder_plans (entry_id, account_id, plan, created_at, updated_at)
                VALUES (:entry, :account, :plan, :now, :now)
                ON CONFLICT (entry_id) DO UPDATE SET plan = EXCLUDED.plan, updated_at = EXCLUDED.updated_at""")
                .setParameter("entry", entryId).setParameter("account", accountId).setParameter("plan", plan)
                .setParameter("now", now).executeUpdate();
    }

    /** Replaces the reminders not yet sent; those sent stay (and are not sent again for the same day and deadline). */
    void replaceUnsent(UUID accountId, UUID entryId, List<ReminderRow> due) {
        em.createNativeQuery("DELETE FROM journal_reminders WHERE entry_id = :entry AND sent_at IS NULL")
                .setParameter("entry", entryId).executeUpdate();
        for (ReminderRow r : due) {
            em.createNativeQuery("""
                    INSERT INTO journal_reminders (id, entry_id, account_id, remind_at, deadline_on, days_before)
                    VALUES (:id, :entry, :account, :at, :deadline, :before)
                    ON CONFLICT (entry_id, deadline_on, days_before) DO NOTHING""").setParameter("id", r.id())
                    .setParameter("entry", entryId).setParameter("account", accountId)
                    .setParameter("at", r.remindAt()).setParameter("deadline", r.deadlineOn())
                    .setParameter("before", r.daysBefore()).executeUpdate();
        }
    }

    List<ReminderRow> reminders(UUID accountId, UUID entryId) {
        return rows(em.createNativeQuery("""
                SELECT id, entry_id, account_id, remind_at, deadline_on, days_before, sent_at FROM journal_reminders
                WHERE entry_id = :entry AND account_id = :account ORDER BY remind_at, deadline_on, days_before DESC""")
                .setParameter("entry", entryId).setParameter("account", accountId).getResultList());
    }

    /** Deletes an entry's plan and reminders; true when there was a plan. */
    boolean forget(UUID accountId, UUID entryId) {
        em.createNativeQuery("DELETE FROM journal_reminders WHERE entry_id = :entry AND account_id = :account")
                .setParameter("entry", entryId).setParameter("account", accountId).executeUpdate();
        return em
                .createNativeQuery(
                        "DELETE FROM journal_reminder_plans WHERE entry_id = :entry AND account_id = :account")
                .setParameter("entry", entryId).setParameter("account", accountId).executeUpdate() == 1;
    }

    /** Claims reminders that are due, locked until the caller's transaction ends (other workers skip them). */
    List<ReminderRow> claimDue(Instant now, int limit) {
        return rows(em.createNativeQuery("""
                SELECT id, entry_id, account_id, remind_at, deadline_on, days_before, sent_at FROM journal_reminders
                WHERE sent_at IS NULL AND remind_at <= :now ORDER BY remind_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .setParameter("now", now).setParameter("limit", limit).getResultList());
    }

    void markSent(UUID id, Instant now) {
        em.createNativeQuery("UPDATE journal_reminders SET sent_at = :now WHERE id = :id").setParameter("now", now)
                .setParameter("id", id).executeUpdate();
    }

    /** Erasure: every plan and reminder of the member. */
    void eraseAll(UUID accountId) {
        em.createNativeQuery("DELETE FROM journal_reminders WHERE account_id = :account")
                .setParameter("account", accountId).executeUpdate();
        em.createNativeQuery("DELETE FROM journal_reminder_plans WHERE account_id = :account")
                .setParameter("account", accountId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static List<ReminderRow> rows(List<?> result) {
        return ((List<Object[]>) result).stream()
                .map(r -> new ReminderRow((UUID) r[0], (UUID) r[1], (UUID) r[2], NativeSql.instant(r[3]),
                        NativeSql.localDate(r[4]), ((Number) r[5]).intValue(), NativeSql.instant(r[6])))
                .toList();
    }
}
