package org.kindred.privacy;

import static org.kindred.platform.db.NativeSql.instant;
import static org.kindred.platform.db.NativeSql.strings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.kindred.platform.error.NotFoundException;
import org.kindred.privacy.api.DataExport;

/**
 * Builds a member's data export in one read-only transaction (a consistent snapshot). Each section is one query;
 * {@link PersonalData#EXPORTED} names the columns they cover.
 */
@ApplicationScoped
public class DataExportService {

    /** Bumped when the document's shape changes incompatibly. */
    static final int FORMAT_VERSION = 1;

    private final EntityManager em;
    private final Clock clock;
    private final Instance<ExportContribution> contributions;

    public DataExportService(EntityManager em, Clock clock, Instance<ExportContribution> contributions) {
        this.em = em;
        this.clock = clock;
        this.contributions = contributions;
    }

    @Transactional
    public DataExport export(UUID accountId) {
        em.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").executeUpdate();
        DataExport.Profile profile = rows("""
                SELECT id, email, handle, display_name, country, languages, birth_year, hidden_content_warnings, roles,
                       status, guidelines_version, created_at, updated_at, password_changed_at, email_verified_at,
                       content_warning_mode
                FROM accounts WHERE id = :id AND status <> 'DELETED'""", accountId,
                r -> new DataExport.Profile((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        strings(r[5]), (Integer) r[6], strings(r[7]), strings(r[8]), (String) r[9],
                        ((Number) r[10]).intValue(), instant(r[11]), instant(r[12]), instant(r[13]), instant(r[14]),
                        (String) r[15]))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("No such account"));
        return new DataExport(FORMAT_VERSION, clock.instant(), profile,
                rows("SELECT kind, version, accepted_at FROM consents WHERE account_id = :id ORDER BY accepted_at, id",
                        accountId, r -> new DataExport.ConsentEntry((String) r[0], ((Number) r[1]).intValue(),
                                instant(r[2]))),
                rows("""
                        SELECT id, created_at, last_used_at, expires_at, revoked_at, revoke_reason, device_label
                        FROM auth_sessions
                        WHERE account_id = :id ORDER BY created_at, id""", accountId,
                        r -> new DataExport.SessionEntry((UUID) r[0], instant(r[1]), instant(r[2]), instant(r[3]),
                                instant(r[4]), (String) r[5], (String) r[6])),
                rows("""
                        SELECT m.group_id, g.name, m.role, m.status, m.rules_version_accepted, m.request_message,
                               m.requested_at, m.joined_at, m.decided_at, m.decision_reason, m.banned_until
                        FROM memberships m JOIN groups g ON g.id = m.group_id
                        WHERE m.account_id = :id ORDER BY m.requested_at, m.group_id""", accountId,
                        r -> new DataExport.MembershipEntry((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                                ((Number) r[4]).intValue(), (String) r[5], instant(r[6]), instant(r[7]),
                                instant(r[8]), (String) r[9], instant(r[10]))),
                rows("""
                        SELECT id, name, slug, created_at, archived_at FROM groups WHERE created_by = :id
                        ORDER BY created_at, id""", accountId,
                        r -> new DataExport.GroupEntry((UUID) r[0], (String) r[1], (String) r[2], instant(r[3]),
                                instant(r[4]))),
                posts(accountId),
                rows("""
                        SELECT post_id, kind, created_at FROM reactions WHERE account_id = :id
                        ORDER BY created_at, post_id, kind""", accountId,
                        r -> new DataExport.ReactionEntry((UUID) r[0], (String) r[1], instant(r[2]))),
                rows("""
                        SELECT id, target_type, target_id, reason, details, status, created_at, resolved_at
                        FROM reports WHERE reporter_id = :id ORDER BY created_at, id""", accountId,
                        r -> new DataExport.ReportEntry((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3],
                                (String) r[4], (String) r[5], instant(r[6]), instant(r[7]))),
                people("blocks", "blocker_id", "blocked_id", accountId),
                people("mutes", "muter_id", "muted_id", accountId),
                rows("""
                        SELECT group_id, post_id, reason, created_at FROM warnings WHERE account_id = :id
                        ORDER BY created_at, id""", accountId,
                        r -> new DataExport.WarningEntry((UUID) r[0], (UUID) r[1], (String) r[2], instant(r[3]))),
                rows("""
                        SELECT group_id, action, target_type, target_id, reason, created_at FROM moderation_log
                        WHERE actor_id = :id ORDER BY created_at, id""", accountId,
                        r -> new DataExport.ModerationEntry((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3],
                                (String) r[4], instant(r[5]))),
                anonymousAuthorReads(accountId),
                notificationSettings(accountId), threadSubscriptions(accountId), recoveryCodes(accountId),
                keywordMutes(accountId), sections(accountId));
    }

    /** The anonymous posts whose author the member was shown as a moderator (not the authors). */
    private List<DataExport.AuthorReadEntry> anonymousAuthorReads(UUID accountId) {
        return rows("""
                SELECT group_id, post_id, read_at FROM anonymous_author_reads WHERE reader_id = :id
                ORDER BY read_at, id""", accountId,
                r -> new DataExport.AuthorReadEntry((UUID) r[0], (UUID) r[1], instant(r[2])));
    }

    private List<DataExport.KeywordMuteEntry> keywordMutes(UUID accountId) {
        return rows("""
                SELECT phrase, whole_word, expires_at, created_at FROM keyword_mutes WHERE account_id = :id
                ORDER BY created_at, id""", accountId,
                r -> new DataExport.KeywordMuteEntry((String) r[0], (Boolean) r[1], instant(r[2]), instant(r[3])));
    }

    /** Counts and time only: a code's hash is a secret like the code. */
    private List<DataExport.RecoveryCodesEntry> recoveryCodes(UUID accountId) {
        return rows("""
                SELECT count(*) FILTER (WHERE used_at IS NULL), count(used_at), max(created_at)
                FROM recovery_codes WHERE account_id = :id HAVING count(*) > 0""", accountId,
                r -> new DataExport.RecoveryCodesEntry(((Number) r[0]).intValue(), ((Number) r[1]).intValue(),
                        instant(r[2])));
    }

    /** The sections features above privacy contribute, in the order of their names. */
    private Map<String, Object> sections(UUID accountId) {
        Map<String, Object> sections = new TreeMap<>();
        for (ExportContribution contribution : contributions) {
            sections.put(contribution.section(), contribution.export(accountId));
        }
        return sections;
    }

    private List<DataExport.NotificationSettingsEntry> notificationSettings(UUID accountId) {
        return rows("""
                SELECT disabled_kinds, to_char(quiet_from, 'HH24:MI'), to_char(quiet_until, 'HH24:MI'), time_zone,
                       updated_at
                FROM notification_settings WHERE account_id = :id""", accountId,
                r -> new DataExport.NotificationSettingsEntry(strings(r[0]), (String) r[1], (String) r[2],
                        (String) r[3], instant(r[4])));
    }

    private List<DataExport.ThreadSubscriptionEntry> threadSubscriptions(UUID accountId) {
        return rows("""
                SELECT thread_id, mode, created_at FROM thread_subscriptions WHERE account_id = :id
                ORDER BY created_at, thread_id""", accountId,
                r -> new DataExport.ThreadSubscriptionEntry((UUID) r[0], (String) r[1], instant(r[2])));
    }

    private List<DataExport.PostEntry> posts(UUID accountId) {
        Map<UUID, List<DataExport.RevisionEntry>> revisions = new LinkedHashMap<>();
        for (Object[] r : raw("""
                SELECT v.post_id, v.title, v.body, v.content_warnings, v.replaced_at
                FROM post_revisions v JOIN posts p ON p.id = v.post_id
                WHERE p.author_id = :id ORDER BY v.replaced_at, v.id""", accountId)) {
            revisions.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(
                    new DataExport.RevisionEntry((String) r[1], (String) r[2], strings(r[3]), instant(r[4])));
        }
        return rows("""
                SELECT id, group_id, parent_id, title, body, language, content_warnings, anonymous, support_wanted,
                       reply_policy, status, created_at, edited_at
                FROM posts WHERE author_id = :id ORDER BY created_at, id""", accountId,
                r -> new DataExport.PostEntry((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (String) r[4],
                        (String) r[5], strings(r[6]), (Boolean) r[7], (String) r[8], (String) r[9], (String) r[10],
                        instant(r[11]), instant(r[12]), revisions.getOrDefault((UUID) r[0], List.of())));
    }

    /** The members the account blocked or muted, by handle for context (the table and columns are constants). */
    private List<DataExport.BlockEntry> people(String table, String by, String whom, UUID accountId) {
        return rows("SELECT x." + whom + ", a.handle, x.created_at FROM " + table + " x JOIN accounts a ON a.id = x."
                + whom + " WHERE x." + by + " = :id ORDER BY x.created_at, x." + whom, accountId,
                r -> new DataExport.BlockEntry((UUID) r[0], (String) r[1], instant(r[2])));
    }

    private <T> List<T> rows(String sql, UUID accountId, Function<Object[], T> mapper) {
        return raw(sql, accountId).stream().map(mapper).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> raw(String sql, UUID accountId) {
        return em.createNativeQuery(sql).setParameter("id", accountId).getResultList();
    }
}
