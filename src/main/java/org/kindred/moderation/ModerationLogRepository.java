package org.kindred.moderation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The {@code moderation_log} table: append-only (a database trigger refuses updates and deletes). */
@ApplicationScoped
public class ModerationLogRepository implements PanacheRepositoryBase<ModerationLogEntry, UUID> {

    /** One page of a group's log, newest first; members see only member-visible entries. */
    public List<ModerationLogEntry> page(UUID groupId, boolean moderator, Instant before, UUID beforeId, int limit) {
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
