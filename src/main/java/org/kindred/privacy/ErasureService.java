package org.kindred.privacy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.kindred.accounts.LiveSessions;
import org.kindred.groups.MembershipDecisions;
import org.kindred.moderation.ReportTarget;
import org.kindred.moderation.events.ReportClosed;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.events.DomainEvent;
import org.kindred.platform.security.PasswordHasher;
import org.kindred.privacy.api.EraseAccountRequest;
import org.kindred.privacy.events.AccountErased;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Erases an account at the member's request, in one transaction: every session ends at once, the e-mail, handle,
 * profile, preferences, blocks, consents and warnings go, and the member's posts are either removed or kept as written
 * by a deleted member. A post under an open report, and the details of a report the member filed that is still open,
 * stay for the moderators until the report is closed ({@link #onReportClosed}). Anonymous posts are removed later, at
 * a random moment ({@link PostErasure}), so their removal never coincides with the member leaving (I1).
 */
@ApplicationScoped
public class ErasureService {

    /** What an erased post's text is replaced with (the column cannot be empty; clients never see it). */
    static final String ERASED_BODY = "[erased]";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final MembershipDecisions memberships;
    private final PasswordHasher hasher;
    private final Event<DomainEvent> events;
    private final Clock clock;
    private final PostErasure postErasure;
    private final LiveSessions liveSessions;

    public ErasureService(EntityManager em, MembershipDecisions memberships, PasswordHasher hasher,
            Event<DomainEvent> events, Clock clock, PostErasure postErasure, LiveSessions liveSessions) {
        this.liveSessions = liveSessions;
        this.em = em;
        this.postErasure = postErasure;
        this.memberships = memberships;
        this.hasher = hasher;
        this.events = events;
        this.clock = clock;
    }

    public void erase(UUID accountId, EraseAccountRequest request) {
        List<?> found = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT password_hash FROM accounts WHERE id = :id AND status <> 'DELETED'")
                .setParameter("id", accountId).getResultList());
        if (found.isEmpty()) {
            throw new NotFoundException("No such account");
        }
        String hash = (String) found.get(0);
        if (!hasher.verify(hash, request.password())) {
            throw new ForbiddenException("wrong-password", "Wrong password", "The password is wrong");
        }
        // Nobody can sign in with it: nobody knows it, and the e-mail it belonged to is gone.
        String unusable = hasher.unusableHash();
        QuarkusTransaction.requiringNew().run(() -> {
            eraseNow(accountId, request.removeContent(), unusable);
            events.fire(new AccountErased(accountId, request.removeContent()));
        });
        liveSessions.forgetAccount(accountId); // committed: this replica forgets at once, the others by notification
    }

    private void eraseNow(UUID accountId, boolean removeContent, String unusableHash) {
        if (em.createNativeQuery("SELECT id FROM accounts WHERE id = :id AND status <> 'DELETED' FOR UPDATE")
                .setParameter("id", accountId).getResultList().isEmpty()) {
            throw new NotFoundException("No such account");
        }
        memberships.requireNotLastOwnerAnywhere(accountId);
        if (removeContent) {
            postErasure.removeNow("posts.author_id = :id AND NOT posts.anonymous", accountId);
            postErasure.scheduleAnonymous(accountId);
            update("DELETE FROM reactions WHERE account_id = :id", accountId);
        }
        update("DELETE FROM memberships WHERE account_id = :id", accountId);
        update("DELETE FROM blocks WHERE blocker_id = :id", accountId);
        update("DELETE FROM mutes WHERE muter_id = :id", accountId);
        update("DELETE FROM keyword_mutes WHERE account_id = :id", accountId);
        update("DELETE FROM recovery_codes WHERE account_id = :id", accountId);
        update("DELETE FROM consents WHERE account_id = :id", accountId);
        update("DELETE FROM warnings WHERE account_id = :id", accountId);
        update("DELETE FROM care_notes WHERE account_id = :id", accountId);
        update("DELETE FROM idempotency_keys WHERE account_id = :id", accountId);
        update("DELETE FROM account_links WHERE account_id = :id", accountId);
        update("DELETE FROM notifications WHERE recipient_id = :id", accountId);
        update("DELETE FROM notification_settings WHERE account_id = :id", accountId);
        update("DELETE FROM thread_subscriptions WHERE account_id = :id", accountId);
        // Registrations waiting for a link to the member's address hold it (and a password hash) until they expire.
        update("DELETE FROM pending_registrations WHERE email = (SELECT email FROM accounts WHERE id = :id)",
                accountId);
        // Reports the member filed stay with the moderators while open; closed ones lose the member's words.
        update("UPDATE reports SET details = NULL WHERE reporter_id = :id AND status <> 'OPEN'", accountId);
        // Ends every session at once: the per-request session check finds none (refresh tokens cascade).
        update("DELETE FROM auth_sessions WHERE account_id = :id", accountId);
        Instant now = clock.instant();
        em.createNativeQuery("""
                UPDATE accounts SET email = :email, handle = :handle, password_hash = :hash, display_name = NULL,
                    country = NULL, languages = '{}', birth_year = NULL, hidden_content_warnings = '{}',
                    content_warning_mode = 'HIDE',
                    roles = '{member}', status = 'DELETED', updated_at = :now, password_changed_at = :now,
                    email_verified_at = NULL,
                    version = version + 1
                WHERE id = :id""")
                .setParameter("email", "erased-" + accountId + "@erased.invalid")
                .setParameter("handle", tombstoneHandle())
                .setParameter("hash", unusableHash)
                .setParameter("now", now)
                .setParameter("id", accountId)
                .executeUpdate();
    }

    /**
     * The open reports of a target were closed: the reports filed by members who have erased their account since lose
     * the members' words, and a post its author erased while it was under review loses its text.
     */
    void onReportClosed(@Observes ReportClosed closed) {
        em.flush();
        forgetErasedReporters(closed.targetType(), closed.targetId());
        if (closed.targetType() == ReportTarget.POST) {
            afterReview(closed.targetId());
        }
    }

    /** Erasure left these reports' details for the moderators while they were open; they are closed now. */
    private void forgetErasedReporters(ReportTarget targetType, UUID targetId) {
        em.createNativeQuery("""
                UPDATE reports r SET details = NULL FROM accounts a
                WHERE a.id = r.reporter_id AND a.status = 'DELETED' AND r.target_type = :type
                  AND r.target_id = :target AND r.status <> 'OPEN' AND r.details IS NOT NULL""")
                .setParameter("type", targetType.name()).setParameter("target", targetId).executeUpdate();
    }

    /**
     * Called when the last open report on a post is closed: a post its author erased while it was under review loses
     * its text now.
     */
    private void afterReview(UUID postId) {
        em.createNativeQuery("DELETE FROM post_revisions v USING posts p WHERE p.id = v.post_id AND p.id = :id"
                + " AND p.erase_after_review").setParameter("id", postId).executeUpdate();
        em.createNativeQuery("UPDATE posts SET status = 'REMOVED', removed_by = COALESCE(removed_by, 'AUTHOR'), "
                + "title = NULL, body = '" + ERASED_BODY + "', content_warnings = '{}', erase_after_review = false "
                + "WHERE id = :id AND erase_after_review AND NOT EXISTS (SELECT 1 FROM reports r "
                + "WHERE r.target_type = 'POST' AND r.target_id = posts.id AND r.status = 'OPEN')")
                .setParameter("id", postId).executeUpdate();
    }

    private void update(String sql, UUID accountId) {
        em.createNativeQuery(sql).setParameter("id", accountId).executeUpdate();
    }

    /** {@code deleted_} and 12 random hex digits: unique in practice, and linked to nothing. */
    private static String tombstoneHandle() {
        return "deleted_" + HexFormat.of().formatHex(randomBytes(6));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
