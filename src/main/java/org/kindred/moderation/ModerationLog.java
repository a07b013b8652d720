package org.kindred.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.kindred.accounts.AccountDirectory;
import org.kindred.accounts.AccountSummary;
import org.kindred.groups.GroupAccess;
import org.kindred.groups.GroupContext;
import org.kindred.groups.events.GroupArchived;
import org.kindred.groups.events.GroupRulesChanged;
import org.kindred.groups.events.GroupSettingsChanged;
import org.kindred.groups.events.InviteChanged;
import org.kindred.groups.events.MembershipChanged;
import org.kindred.moderation.ModerationLogEntry.TargetType;
import org.kindred.moderation.api.ModerationLogEntryResponse;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.KeysetPaging.TimeAndId;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.posts.PostStatus;
import org.kindred.posts.events.PostModerated;
import org.kindred.safety.events.KeywordRuleChanged;

/**
 * The group's moderation log: the one writer of {@code moderation_log}. It observes the domain events of the features
 * below (groups, safety, posts) in their transaction, so an action and its log line commit together, and records the
 * moderation feature's own actions (warnings, suspensions, dismissals). Which entries members see is decided here:
 * anything about a post held for care, and the watched words of keyword rules, stay among the group's moderators, and
 * so do the accounts that entries are about and the reasons given for them.
 */
@ApplicationScoped
public class ModerationLog {

    private final ModerationLogRepository entries;
    private final GroupAccess access;
    private final AccountDirectory accounts;
    private final KeysetPaging paging;
    private final Clock clock;

    public ModerationLog(ModerationLogRepository entries, GroupAccess access, AccountDirectory accounts,
            KeysetPaging paging, Clock clock) {
        this.entries = entries;
        this.access = access;
        this.accounts = accounts;
        this.paging = paging;
        this.clock = clock;
    }

    /**
     * A group's log, newest first: members see member-visible entries without people (no account target, and no reason
     * for an entry about an account); moderators see handles and every reason.
     */
    @Transactional
    public Page<ModerationLogEntryResponse> page(String groupRef, PageParams page) {
        GroupContext context = access.requireMember(groupRef);
        boolean moderator = context.canModerate();
        return paging.page("modlog|" + context.groupId() + "|" + moderator, page, 2,
                (at, direction, limit) -> {
                    TimeAndId position = TimeAndId.of(at);
                    return entries.page(context.groupId(), moderator, direction, TimeAndId.at(position),
                            TimeAndId.id(position), limit);
                },
                e -> TimeAndId.key(e.createdAt(), e.id()),
                rows -> responses(rows, moderator));
    }

    private List<ModerationLogEntryResponse> responses(List<ModerationLogEntry> rows, boolean moderator) {
        Map<UUID, AccountSummary> people = Map.of();
        if (moderator) {
            List<UUID> ids = new ArrayList<>();
            for (ModerationLogEntry e : rows) {
                if (e.actorId() != null) {
                    ids.add(e.actorId());
                }
                if (e.targetType() == TargetType.ACCOUNT && e.targetId() != null) {
                    ids.add(e.targetId());
                }
            }
            people = accounts.summaries(ids);
        }
        List<ModerationLogEntryResponse> items = new ArrayList<>();
        for (ModerationLogEntry e : rows) {
            boolean accountTarget = e.targetType() == TargetType.ACCOUNT;
            String actor = e.actorId() == null ? "system" : moderator ? handleOf(people, e.actorId()) : "moderator";
            // A reason about a person (a denial, ban, removal, warning, role change, suspension) is for moderators:
            // members could tie it to someone by its time and the member list.
            items.add(new ModerationLogEntryResponse(e.id(), e.action(), actor, e.targetType().name(),
                    accountTarget && !moderator ? null : e.targetId(),
                    accountTarget && moderator ? handleOf(people, e.targetId()) : null,
                    accountTarget && !moderator ? null : e.reason(), e.createdAt()));
        }
        return items;
    }

    private static String handleOf(Map<UUID, AccountSummary> people, UUID id) {
        AccountSummary person = people.get(id);
        return person == null ? null : person.handle();
    }

    /** An entry the group's members see (the actor shown as "moderator", account targets withheld). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID groupId, UUID actorId, ModerationLogAction action, TargetType targetType, UUID targetId,
            String reason, Map<String, Object> details) {
        entries.persist(ModerationLogEntry.of(groupId, actorId, action, targetType, targetId, reason, details, true,
                clock.instant()));
    }

    /** An entry only the group's moderators see (care for someone in crisis: members never learn of it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordForModerators(UUID groupId, UUID actorId, ModerationLogAction action, TargetType targetType,
            UUID targetId, String reason, Map<String, Object> details) {
        entries.persist(ModerationLogEntry.of(groupId, actorId, action, targetType, targetId, reason, details, false,
                clock.instant()));
    }

    void onRulesChanged(@Observes GroupRulesChanged e) {
        record(e.groupId(), e.actorId(), ModerationLogAction.RULES_CHANGED, TargetType.GROUP, e.groupId(), null,
                Map.of("rulesVersion", e.rulesVersion()));
    }

    void onSettingsChanged(@Observes GroupSettingsChanged e) {
        record(e.groupId(), e.actorId(), ModerationLogAction.GROUP_SETTINGS_CHANGED, TargetType.GROUP, e.groupId(),
                null, e.changes());
    }

    void onArchived(@Observes GroupArchived e) {
        record(e.groupId(), e.actorId(), ModerationLogAction.GROUP_ARCHIVED, TargetType.GROUP, e.groupId(), e.reason(),
                Map.of());
    }

    void onInvite(@Observes InviteChanged e) {
        if (e.revoked()) {
            record(e.groupId(), e.actorId(), ModerationLogAction.INVITE_REVOKED, TargetType.INVITE, e.inviteId(), null,
                    Map.of());
        } else {
            record(e.groupId(), e.actorId(), ModerationLogAction.INVITE_CREATED, TargetType.INVITE, e.inviteId(), null,
                    Map.of("maxUses", e.maxUses(), "expiresAt", e.expiresAt().toString()));
        }
    }

    void onMembership(@Observes MembershipChanged e) {
        Map<String, Object> details = new HashMap<>();
        ModerationLogAction action = switch (e.change()) {
            case APPROVED -> ModerationLogAction.MEMBER_APPROVED;
            case DENIED -> ModerationLogAction.MEMBER_DENIED;
            case UNBANNED -> ModerationLogAction.MEMBER_UNBANNED;
            case REMOVED -> ModerationLogAction.MEMBER_REMOVED;
            case BANNED -> {
                if (e.bannedUntil() != null) {
                    details.put("bannedUntil", e.bannedUntil().toString());
                }
                yield ModerationLogAction.MEMBER_BANNED;
            }
            case ROLE_CHANGED -> {
                details.put("from", e.fromRole().name());
                details.put("to", e.toRole().name());
                yield ModerationLogAction.ROLE_CHANGED;
            }
        };
        record(e.groupId(), e.actorId(), action, TargetType.ACCOUNT, e.accountId(), e.reason(), details);
    }

    void onKeywordRule(@Observes KeywordRuleChanged e) {
        // The watched words themselves are for moderators only.
        Map<String, Object> details = e.change() == KeywordRuleChanged.Change.REMOVED
                ? Map.of("phrase", e.phrase())
                : Map.of("phrase", e.phrase(), "action", e.action().name());
        ModerationLogAction action = switch (e.change()) {
            case ADDED -> ModerationLogAction.KEYWORD_RULE_ADDED;
            case CHANGED -> ModerationLogAction.KEYWORD_RULE_CHANGED;
            case REMOVED -> ModerationLogAction.KEYWORD_RULE_REMOVED;
        };
        recordForModerators(e.groupId(), e.actorId(), action, TargetType.GROUP, e.groupId(), null, details);
    }

    void onPostModerated(@Observes PostModerated e) {
        ModerationLogAction action = switch (e.change()) {
            case HIDDEN -> ModerationLogAction.POST_HIDDEN;
            case AUTO_HIDDEN -> ModerationLogAction.POST_AUTO_HIDDEN;
            case RESTORED -> ModerationLogAction.POST_RESTORED;
            case APPROVED -> ModerationLogAction.POST_APPROVED;
            case RELEASED_FROM_CARE -> ModerationLogAction.POST_RELEASED_FROM_CARE;
            case REMOVED -> ModerationLogAction.POST_REMOVED;
            case PINNED -> ModerationLogAction.THREAD_PINNED;
            case UNPINNED -> ModerationLogAction.THREAD_UNPINNED;
            case LOCKED -> ModerationLogAction.THREAD_LOCKED;
            case UNLOCKED -> ModerationLogAction.THREAD_UNLOCKED;
        };
        Map<String, Object> details = e.details() == null ? Map.of() : e.details();
        // A post members never saw (held for care, waiting) stays unwritten for them, whatever happens to it (I2).
        if (e.before() == PostStatus.HELD_FOR_CARE || !e.everPublished()) {
            recordForModerators(e.groupId(), e.actorId(), action, TargetType.POST, e.postId(), e.reason(), details);
        } else {
            record(e.groupId(), e.actorId(), action, TargetType.POST, e.postId(), e.reason(), details);
        }
    }
}
