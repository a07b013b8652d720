package org.kindred.notifications;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.kindred.groups.events.GroupRulesChanged;
import org.kindred.groups.events.MembershipChanged;
import org.kindred.groups.events.MembershipRequested;
import org.kindred.moderation.ReportAction;
import org.kindred.moderation.ReportSource;
import org.kindred.moderation.ReportStatus;
import org.kindred.moderation.ReportTarget;
import org.kindred.moderation.events.ReportClosed;
import org.kindred.moderation.events.ReportFiled;
import org.kindred.moderation.events.WarningIssued;
import org.kindred.notifications.NotificationRepository.Delivery;
import org.kindred.notifications.NotificationRepository.Recipients;
import org.kindred.posts.PostStatus;
import org.kindred.posts.events.PostCreated;
import org.kindred.posts.events.PostModerated;
import org.kindred.posts.events.PostScreened;
import org.kindred.posts.events.ReactionAdded;

/**
 * Turns domain events into notifications, inside the transaction of the change (a rolled-back change notifies
 * nobody). The one home of "who is told what": each event's recipients, and the ids the notification may carry.
 * Nothing here copies text, names, reasons or who acted: a notification about an anonymous post is the same whoever
 * wrote it, and members are told only about posts they may see (held and waiting posts only reach their author and
 * the group's moderators).
 */
@ApplicationScoped
public class NotificationObservers {

    private static final List<NotificationKind> ABOUT_A_VISIBLE_POST = List.of(NotificationKind.REPLY,
            NotificationKind.REACTIONS);

    private final NotificationRepository notifications;
    private final Clock clock;

    public NotificationObservers(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    void onPostCreated(@Observes PostCreated e) {
        if (e.status() == PostStatus.PUBLISHED && e.threadId() != null) {
            replied(e.postId(), e.groupId(), e.threadId(), e.authorId(), e.anonymous());
        } else if (e.status() == PostStatus.PENDING_APPROVAL) {
            deliver(new Delivery(NotificationKind.PENDING_POST, e.groupId(), e.threadId(), e.postId(), null, null,
                    null), Recipients.moderatorsOf(e.groupId()), e.authorId());
        }
    }

    void onPostScreened(@Observes PostScreened e) {
        if (e.heldForCare()) {
            deliver(new Delivery(NotificationKind.POST_HELD, e.groupId(), null, e.postId(), null, null, null),
                    Recipients.account(e.authorId()), null);
        }
        if (e.heldForCare() || e.concern()) {
            deliver(new Delivery(NotificationKind.CARE_QUEUE, e.groupId(), null, e.postId(), null, null, null),
                    Recipients.moderatorsOf(e.groupId()), e.authorId());
        }
    }

    void onPostModerated(@Observes PostModerated e) {
        switch (e.change()) {
            case APPROVED, RELEASED_FROM_CARE -> {
                if (e.change() == PostModerated.Change.RELEASED_FROM_CARE) {
                    deliver(new Delivery(NotificationKind.POST_RELEASED, e.groupId(), e.threadId(), e.postId(), null,
                            null, null), Recipients.account(e.authorId()), e.actorId());
                }
                if (e.threadId() != null && (e.before() == PostStatus.PENDING_APPROVAL
                        || e.before() == PostStatus.HELD_FOR_CARE)) {
                    replied(e.postId(), e.groupId(), e.threadId(), e.authorId(), e.anonymous());
                }
            }
            case HIDDEN, AUTO_HIDDEN, REMOVED -> notifications.deleteAbout(e.postId(), ABOUT_A_VISIBLE_POST);
            default -> {
            }
        }
    }

    void onReaction(@Observes ReactionAdded e) {
        deliver(new Delivery(NotificationKind.REACTIONS, e.groupId(), e.threadId(), e.postId(), null, null,
                "reactions:" + e.postId()), Recipients.account(e.authorId()), null);
    }

    void onMembershipRequested(@Observes MembershipRequested e) {
        deliver(new Delivery(NotificationKind.JOIN_REQUEST, e.groupId(), null, null, null, null,
                "join:" + e.groupId()), Recipients.moderatorsOf(e.groupId()), e.accountId());
    }

    void onMembershipChanged(@Observes MembershipChanged e) {
        NotificationOutcome outcome = switch (e.change()) {
            case APPROVED -> NotificationOutcome.APPROVED;
            case DENIED -> NotificationOutcome.DENIED;
            default -> null;
        };
        if (outcome != null) {
            deliver(new Delivery(NotificationKind.MEMBERSHIP_DECIDED, e.groupId(), null, null, null, outcome, null),
                    Recipients.account(e.accountId()), null);
        }
    }

    void onRulesChanged(@Observes GroupRulesChanged e) {
        deliver(new Delivery(NotificationKind.GROUP_RULES_CHANGED, e.groupId(), null, null, null, null,
                "rules:" + e.groupId()), Recipients.membersOf(e.groupId()), e.actorId());
    }

    /**
     * Moderators hear of a member's report (the service's own reports for care already reached them as CARE_QUEUE).
     * The member the report is about never does, even when they moderate the group.
     */
    void onReportFiled(@Observes ReportFiled e) {
        if (e.source() == ReportSource.SAFETY_CHECK) {
            return;
        }
        Recipients handlers = e.groupId() == null ? Recipients.admins() : Recipients.moderatorsOf(e.groupId());
        String subject = e.targetType() == ReportTarget.ACCOUNT
                ? "SELECT CAST(:subject AS uuid)"
                : "SELECT author_id FROM posts WHERE id = :subject";
        Recipients notAboutThemselves = new Recipients("(" + handlers.sql() + ") EXCEPT " + subject,
                merge(handlers, "subject", e.targetId()));
        deliver(new Delivery(NotificationKind.REPORT_FILED, e.groupId(), null, null, e.reportId(), null,
                "reports:" + e.groupId()), notAboutThemselves, null);
    }

    /** Each member whose report was closed learns only whether action was taken (I5), on their own report. */
    void onReportClosed(@Observes ReportClosed e) {
        NotificationOutcome outcome = e.status() == ReportStatus.RESOLVED && e.action() != null
                && e.action() != ReportAction.NONE ? NotificationOutcome.ACTION_TAKEN : NotificationOutcome.NO_ACTION;
        e.reportsByReporter().forEach((reporter, report) -> deliver(new Delivery(NotificationKind.REPORT_OUTCOME,
                e.groupId(), null, null, report, outcome, null), Recipients.account(reporter), null));
    }

    void onWarning(@Observes WarningIssued e) {
        deliver(new Delivery(NotificationKind.WARNING, e.groupId(), null, null, null, null, null),
                Recipients.account(e.accountId()), null);
    }

    /**
     * A named reply does not reach members who muted its author, nor anyone on either side of a block with them (a
     * mute or a block hides their posts, so their replies too, and the unread count a live stream sends must not count
     * what the inbox would drop). An anonymous reply reaches every follower: whether it notifies must not depend on who
     * wrote it (I1).
     */
    private void replied(UUID replyId, UUID groupId, UUID threadId, UUID replier, boolean anonymous) {
        Recipients followers = Recipients.followersOf(threadId);
        if (!anonymous) {
            followers = new Recipients("(" + followers.sql() + ") EXCEPT SELECT muter_id FROM mutes WHERE muted_id = "
                    + ":replier EXCEPT SELECT blocker_id FROM blocks WHERE blocked_id = :replier "
                    + "EXCEPT SELECT blocked_id FROM blocks WHERE blocker_id = :replier",
                    merge(followers, "replier", replier));
        }
        deliver(new Delivery(NotificationKind.REPLY, groupId, threadId, replyId, null, null, null), followers,
                replier);
    }

    private void deliver(Delivery delivery, Recipients recipients, UUID actor) {
        notifications.deliver(delivery, recipients, actor, clock.instant());
    }

    private static java.util.Map<String, Object> merge(Recipients r, String key, Object value) {
        java.util.Map<String, Object> params = new java.util.HashMap<>(r.params());
        params.put(key, value);
        return params;
    }
}
