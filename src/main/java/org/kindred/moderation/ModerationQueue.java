package org.kindred.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.accounts.AccountDirectory;
import org.kindred.accounts.AccountSummary;
import org.kindred.groups.GroupAccess;
import org.kindred.groups.GroupContext;
import org.kindred.groups.api.AccountRef;
import org.kindred.moderation.api.QueueItemResponse;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentUser;
import org.kindred.posts.PostModeration;
import org.kindred.posts.api.PostResponse;

/**
 * The moderators' queue: one item per reported target, care first (held for care and wellbeing concerns), then by
 * the number of members who reported. A group's moderators see their group's queue, never reports about themselves;
 * platform admins see account and group reports.
 */
@ApplicationScoped
public class ModerationQueue {

    private final ReportRepository reports;
    private final PostModeration posts;
    private final GroupAccess access;
    private final AccountDirectory accounts;
    private final KeysetPaging paging;
    private final CurrentUser currentUser;

    public ModerationQueue(ReportRepository reports, PostModeration posts, GroupAccess access,
            AccountDirectory accounts,
            KeysetPaging paging, CurrentUser currentUser) {
        this.reports = reports;
        this.posts = posts;
        this.access = access;
        this.accounts = accounts;
        this.paging = paging;
        this.currentUser = currentUser;
    }

    @Transactional
    public Page<QueueItemResponse> groupQueue(String groupRef, ReportStatus status, PageParams page) {
        GroupContext context = access.requireModerator(groupRef);
        return queue(context.groupId(), context, status, page);
    }

    @Transactional
    public Page<QueueItemResponse> platformQueue(ReportStatus status, PageParams page) {
        if (!currentUser.isAdmin()) {
            throw new ForbiddenException("admins-only", "Admins only",
                    "Only platform admins handle account and group reports");
        }
        return queue(null, null, status, page);
    }

    private Page<QueueItemResponse> queue(UUID groupId, GroupContext context, ReportStatus status, PageParams page) {
        UUID me = currentUser.requireAccountId();
        boolean open = status == null || status == ReportStatus.OPEN;
        return paging.page("reports|" + groupId + "|" + (open ? "open" : "closed"), page, 4,
                (after, direction, limit) -> {
                    ReportRepository.QueuePosition position = after == null
                            ? null
                            : new ReportRepository.QueuePosition(Integer.parseInt(after.get(0)),
                                    Integer.parseInt(after.get(1)), Instant.parse(after.get(2)),
                                    UUID.fromString(after.get(3)));
                    return open
                            ? reports.openQueue(groupId, me, direction, position, limit)
                            : reports.closedQueue(groupId, me, direction, position, limit);
                },
                last -> List.of(Integer.toString(last.rank()), Integer.toString(last.memberReports()),
                        (open ? last.firstReportedAt() : last.resolvedAt()).toString(), last.targetId().toString()),
                rows -> items(rows, context));
    }

    private List<QueueItemResponse> items(List<ReportRepository.QueueRow> rows, GroupContext context) {
        Map<UUID, PostResponse> postViews = context == null
                ? Map.of()
                : posts.moderatorViews(rows.stream().filter(r -> r.targetType() == ReportTarget.POST)
                        .map(ReportRepository.QueueRow::targetId).toList(), context);
        Map<UUID, AccountSummary> people = accounts.summaries(rows.stream()
                .filter(r -> r.targetType() == ReportTarget.ACCOUNT).map(ReportRepository.QueueRow::targetId).toList());
        return rows.stream().map(row -> {
            AccountSummary person = people.get(row.targetId());
            return new QueueItemResponse(row.firstReportId(), row.targetType(), row.targetId(), row.priority(),
                    row.memberReports(), row.reasons().stream().map(ReportReason::valueOf).toList(),
                    row.sources().stream().map(ReportSource::valueOf).toList(), row.details(), row.firstReportedAt(),
                    row.lastReportedAt(), ReportStatus.valueOf(row.status()),
                    row.resolution() == null ? null : ReportAction.valueOf(row.resolution()), row.resolvedAt(),
                    postViews.get(row.targetId()),
                    person == null ? null : new AccountRef(person.id(), person.handle(), person.displayName()));
        }).toList();
    }
}
