package org.kindred.moderation;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Writes the append-only moderation log, in the caller's transaction so an action and its record commit together. */
@ApplicationScoped
public class ModerationJournal implements PanacheRepositoryBase<ModerationEntry, UUID> {

    private final Clock clock;

    public ModerationJournal(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID groupId, UUID actorId, ModerationAction action, ModerationEntry.TargetType targetType,
            UUID targetId, String reason, Map<String, Object> details) {
        persist(ModerationEntry.of(groupId, actorId, action, targetType, targetId, reason, details, true,
                clock.instant()));
    }

    /** An entry only the group's moderators see (care for someone in crisis: members never learn of it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordForModerators(UUID groupId, UUID actorId, ModerationAction action,
            ModerationEntry.TargetType targetType,
            UUID targetId, String reason, Map<String, Object> details) {
        persist(ModerationEntry.of(groupId, actorId, action, targetType, targetId, reason, details, false,
                clock.instant()));
    }

    /** One page of a group's log, newest first; members see only member-visible entries. */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.List<ModerationEntry> page(UUID groupId, boolean moderator, java.time.Instant before,
            UUID beforeId,
            int limit) {
        String visibility = moderator ? "" : " and visibleToMembers = true";
        if (before == null) {
            return find("groupId = ?1" + visibility + " order by createdAt desc, id desc", groupId).page(0, limit)
                    .list();
        }
        return find(
                "groupId = ?1" + visibility
                        + " and (createdAt < ?2 or createdAt = ?2 and id < ?3) order by createdAt desc, id desc",
                groupId, before, beforeId).page(0, limit).list();
    }
}
