package org.kindred.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.kindred.platform.db.NativeSql;
import org.kindred.platform.paging.Direction;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    /** One line of the queue: every report of one target, taken together. */
    public record QueueRow(ReportTarget targetType, UUID targetId, UUID firstReportId, int priority, int memberReports,
            Instant firstReportedAt, Instant lastReportedAt, List<String> reasons, List<String> sources,
            List<String> details, String status, String resolution, Instant resolvedAt, int rank) {
    }

    /**
     * Where the previous queue page ended. {@code rank} orders the queue: 0 held for care, 1 other care (a member's
     * wellbeing concern, or a CONCERN from the safety check), 2 waiting for approval, 3 reported; both care ranks show
     * as priority 0.
     */
    public record QueuePosition(int rank, int memberReports, Instant at, UUID targetId) {
    }

    /** The member's open report about the target in the same place (a group, or the platform when null). */
    public Optional<Report> openByMember(ReportTarget type, UUID targetId, UUID reporter, UUID groupId) {
        return (groupId == null
                ? find("targetType = ?1 and targetId = ?2 and reporterId = ?3 and status = ?4 and groupId is null",
                        type,
                        targetId, reporter, ReportStatus.OPEN)
                : find("targetType = ?1 and targetId = ?2 and reporterId = ?3 and status = ?4 and groupId = ?5", type,
                        targetId, reporter, ReportStatus.OPEN, groupId))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Report> openBySystem(ReportTarget type, UUID targetId, ReportSource source) {
        return find("targetType = ?1 and targetId = ?2 and reporterId is null and source = ?3 and status = ?4", type,
                targetId, source, ReportStatus.OPEN).firstResultOptional();
    }

    /** The open reports of the target in one place (a group, or the platform when null): what one resolution closes. */
    public List<Report> openForTargetForUpdate(ReportTarget type, UUID targetId, UUID groupId) {
        return (groupId == null
                ? find("targetType = ?1 and targetId = ?2 and status = ?3 and groupId is null", type, targetId,
                        ReportStatus.OPEN)
                : find("targetType = ?1 and targetId = ?2 and status = ?3 and groupId = ?4", type, targetId,
                        ReportStatus.OPEN, groupId))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Members with an open complaint about the target. Wellbeing concerns are care, not complaints: they never count
     * toward hiding anything (README "Privacy model", I3).
     */
    public long distinctOpenReporters(ReportTarget type, UUID targetId) {
        return count("targetType = ?1 and targetId = ?2 and status = ?3 and reporterId is not null and reason <> ?4",
                type, targetId, ReportStatus.OPEN, ReportReason.WELLBEING_CONCERN);
    }

    /**
     * The open queue of a group (or of the platform when {@code groupId} is null): one row per target, care first
     * (held-for-care posts, then anyone members or the safety check are worried about), then posts waiting for approval, then by number of member reports and age. Reports about the viewer
     * themself are left out (they go to other moderators).
     */
    public List<QueueRow> openQueue(UUID groupId, UUID viewer, Direction direction, QueuePosition after, int limit) {
        NativeSql inner = new NativeSql()
                .append("""
                        SELECT r.target_type, r.target_id,
                               (array_agg(r.id ORDER BY r.created_at, r.id))[1] AS first_id,
                               CASE WHEN bool_or(p.status = 'HELD_FOR_CARE' OR r.reason = 'WELLBEING_CONCERN') THEN 0
                                    WHEN bool_or(p.status = 'PENDING_APPROVAL') THEN 1 ELSE 2 END AS priority,
                               count(r.reporter_id)::int AS member_reports,
                               min(r.created_at) AS first_at, max(r.created_at) AS last_at,
                               array_agg(DISTINCT r.reason) AS reasons, array_agg(DISTINCT r.source) AS sources,
                               array_remove(array_agg(r.details ORDER BY r.created_at), NULL) AS details,
                               'OPEN' AS status, NULL::text AS resolution, NULL::timestamptz AS resolved_at,
                               CASE WHEN bool_or(p.status = 'HELD_FOR_CARE') THEN 0
                                    WHEN bool_or(r.reason = 'WELLBEING_CONCERN') THEN 1
                                    WHEN bool_or(p.status = 'PENDING_APPROVAL') THEN 2 ELSE 3 END AS rank
                        FROM reports r LEFT JOIN posts p ON r.target_type = 'POST' AND p.id = r.target_id
                        WHERE r.status = 'OPEN' AND r.target_account_id IS DISTINCT FROM CAST(:viewer AS uuid)""")
                .bind("viewer", viewer.toString());
        inner.append(groupId == null ? " AND r.group_id IS NULL" : " AND r.group_id = :group");
        if (groupId != null) {
            inner.bind("group", groupId);
        }
        inner.append(" GROUP BY r.target_type, r.target_id");
        NativeSql sql = new NativeSql().append("SELECT * FROM (").append(inner.sql()).append(") q");
        inner.params().forEach(sql::bind);
        if (after != null) {
            String later = direction.compare(">");
            String fewer = direction.compare("<");
            sql.append(" WHERE (q.rank " + later + " :p OR q.rank = :p AND (q.member_reports " + fewer
                    + " :c OR q.member_reports = :c AND ")
                    .append("(q.first_at " + later + " :at OR q.first_at = :at AND q.target_id " + later + " :t)))")
                    .bind("p", after.rank()).bind("c", after.memberReports()).bind("at", after.at())
                    .bind("t", after.targetId());
        }
        sql.append(" ORDER BY " + direction.order("q.rank, q.member_reports DESC, q.first_at, q.target_id")
                + " LIMIT :limit").bind("limit", limit);
        return rows(sql);
    }

    /**
     * Closed reports of a group (or of the platform), most recently closed first, one row per target and closing.
     * Reports about the viewer themself are left out, as in the open queue.
     */
    public List<QueueRow> closedQueue(UUID groupId, UUID viewer, Direction direction, QueuePosition after,
            int limit) {
        NativeSql sql = new NativeSql()
                .append("""
                        SELECT * FROM (
                        SELECT r.target_type, r.target_id, (array_agg(r.id ORDER BY r.created_at, r.id))[1] AS first_id,
                               3 AS priority, count(r.reporter_id)::int AS member_reports,
                               min(r.created_at) AS first_at, max(r.created_at) AS last_at,
                               array_agg(DISTINCT r.reason) AS reasons, array_agg(DISTINCT r.source) AS sources,
                               array_remove(array_agg(r.details ORDER BY r.created_at), NULL) AS details,
                               max(r.status) AS status, max(r.resolution) AS resolution, r.resolved_at, 4 AS rank
                        FROM reports r WHERE r.status <> 'OPEN' AND r.target_account_id IS DISTINCT FROM CAST(:viewer AS uuid)""")
                .bind("viewer", viewer.toString());
        sql.append(groupId == null ? " AND r.group_id IS NULL" : " AND r.group_id = :group");
        if (groupId != null) {
            sql.bind("group", groupId);
        }
        sql.append(" GROUP BY r.target_type, r.target_id, r.resolved_at) q");
        if (after != null) {
            sql.append(" WHERE (q.resolved_at, q.target_id) " + direction.compare("<") + " (:at, :t)")
                    .bind("at", after.at()).bind("t", after.targetId());
        }
        sql.append(" ORDER BY " + direction.order("q.resolved_at DESC, q.target_id DESC") + " LIMIT :limit")
                .bind("limit", limit);
        return rows(sql);
    }

    @SuppressWarnings("unchecked")
    private List<QueueRow> rows(NativeSql sql) {
        List<Object[]> rows = sql.toQuery(getEntityManager()).getResultList();
        List<QueueRow> result = new ArrayList<>();
        for (Object[] c : rows) {
            result.add(new QueueRow(ReportTarget.valueOf((String) c[0]), (UUID) c[1], (UUID) c[2],
                    ((Number) c[3]).intValue(),
                    ((Number) c[4]).intValue(), NativeSql.instant(c[5]), NativeSql.instant(c[6]),
                    NativeSql.strings(c[7]),
                    NativeSql.strings(c[8]), NativeSql.strings(c[9]), (String) c[10], (String) c[11],
                    NativeSql.instant(c[12]), ((Number) c[13]).intValue()));
        }
        return result;
    }
}
