package org.kindred.notifications;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.groups.GroupAccess;
import org.kindred.groups.GroupContext;
import org.kindred.notifications.NotificationRepository.Row;
import org.kindred.notifications.api.NotificationResponse;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.paging.Direction;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentUser;
import org.kindred.posts.PostAccess;

/**
 * A member's inbox. What a notification points at is checked when it is read, by the same rules as the endpoints
 * that show it ({@link PostAccess}, {@link GroupAccess}): a notification about a post since hidden, removed or
 * blocked, or a group the member left or no longer moderates, is left out and deleted.
 */
@ApplicationScoped
public class NotificationInbox {

    /** Kinds that point at a post: shown while the reader may see the post. */
    static final Set<NotificationKind> ABOUT_A_POST = EnumSet.of(NotificationKind.REPLY, NotificationKind.REACTIONS,
            NotificationKind.POST_HELD, NotificationKind.POST_RELEASED, NotificationKind.PENDING_POST,
            NotificationKind.CARE_QUEUE);
    /** Kinds for a group's moderators: shown while the reader moderates the group. */
    static final Set<NotificationKind> FOR_MODERATORS = EnumSet.of(NotificationKind.JOIN_REQUEST,
            NotificationKind.REPORT_FILED);
    /** How many unread notifications the unread count checks before counting. */
    static final int CHECKED_UNREAD = 100;

    private final NotificationRepository notifications;
    private final PostAccess posts;
    private final GroupAccess groups;
    private final KeysetPaging paging;
    private final CurrentUser currentUser;
    private final Clock clock;

    public NotificationInbox(NotificationRepository notifications, PostAccess posts, GroupAccess groups,
            KeysetPaging paging, CurrentUser currentUser, Clock clock) {
        this.notifications = notifications;
        this.posts = posts;
        this.groups = groups;
        this.paging = paging;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    public Page<NotificationResponse> page(Collection<NotificationKind> kinds, boolean unreadOnly, PageParams page) {
        UUID me = currentUser.requireAccountId();
        Set<String> scopeKinds = new TreeSet<>(kinds.stream().map(Enum::name).toList());
        return paging.page("notifications|" + me + "|" + scopeKinds + "|" + unreadOnly, page, 1,
                (at, direction, limit) -> notifications.page(me, direction,
                        at == null ? null : Long.parseLong(at.get(0)), kinds, unreadOnly, limit),
                row -> List.of(Long.toString(row.seq())),
                rows -> showable(me, rows).stream().map(NotificationInbox::toResponse).toList());
    }

    /** Unread notifications, after dropping the newest ones the member may no longer see. */
    @Transactional
    public long unreadCount() {
        UUID me = currentUser.requireAccountId();
        showable(me, notifications.page(me, Direction.AFTER, null, List.of(), true, CHECKED_UNREAD));
        return notifications.unreadCount(me);
    }

    @Transactional
    public void markRead(UUID id) {
        if (!notifications.markRead(currentUser.requireAccountId(), id, clock.instant())) {
            throw notFound();
        }
    }

    @Transactional
    public void markAllRead() {
        notifications.markAllRead(currentUser.requireAccountId(), null, clock.instant());
    }

    @Transactional
    public void delete(UUID id) {
        if (!notifications.delete(currentUser.requireAccountId(), id)) {
            throw notFound();
        }
    }

    /** The rows the member may still see; the others are deleted. */
    List<Row> showable(UUID me, List<Row> rows) {
        Set<UUID> visiblePosts = posts.visibleAmong(rows.stream().filter(r -> ABOUT_A_POST.contains(r.kind()))
                .map(Row::postId).distinct().toList());
        Map<UUID, Optional<GroupContext>> contexts = new HashMap<>();
        List<Row> shown = new ArrayList<>();
        List<UUID> gone = new ArrayList<>();
        for (Row row : rows) {
            boolean show;
            if (ABOUT_A_POST.contains(row.kind())) {
                show = visiblePosts.contains(row.postId());
            } else if (FOR_MODERATORS.contains(row.kind())) {
                show = row.groupId() == null
                        ? currentUser.isAdmin()
                        : contexts.computeIfAbsent(row.groupId(), groups::visibleContext)
                                .map(GroupContext::canModerate).orElse(false);
            } else if (row.kind() == NotificationKind.REPORT_OUTCOME
                    || row.kind() == NotificationKind.GUIDELINES_CHANGED
                    || row.kind() == NotificationKind.JOURNAL_DEADLINE) {
                // the member's own report; the platform's guidelines; the member's own journal entry (the journal
                // deletes these when the entry or its reminders go)
                show = true;
            } else {
                show = row.groupId() != null
                        && contexts.computeIfAbsent(row.groupId(), groups::visibleContext).isPresent();
            }
            if (show) {
                shown.add(row);
            } else {
                gone.add(row.id());
            }
        }
        notifications.deleteAll(me, gone);
        return shown;
    }

    static NotificationResponse toResponse(Row r) {
        return new NotificationResponse(r.id(), r.kind(), r.groupId(), r.threadId(), r.postId(), r.reportId(),
                r.outcome(), r.count(), r.silent(), r.readAt() != null, r.createdAt(), r.updatedAt(),
                r.journalEntryId(), r.daysLeft());
    }

    static NotFoundException notFound() {
        return new NotFoundException("No such notification");
    }
}
