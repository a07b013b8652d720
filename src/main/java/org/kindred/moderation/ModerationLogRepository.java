package org.kindred.moderation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.platform.paging.Direction;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The {@code moderation_log} table: append-only (a database trigger refuses updates and deletes). */
@ApplicationScoped
public class ModerationLogRepository implements PanacheRepositoryBase<ModerationLogEntry, UUID> {

    /** One page of a group's log, newest first; members see only member-visible entries. */
    public List<ModerationLogEntry> page(UUID groupId, boolean moderator, Direction direction, Instant at, UUID atId,
            int limit) {
        String visibility = moderator ? "" : " and visibleToMembers = true";
        String order = " order by " + direction.order("createdAt desc, id desc");
        if (at == null) {
            return find("groupId = ?1" + visibility + order, groupId).page(0, limit).list();
        }
        String cmp = direction.compare("<");
        return find("groupId = ?1" + visibility + " and (createdAt " + cmp + " ?2 or createdAt = ?2 and id " + cmp
                + " ?3)" + order, groupId, at, atId).page(0, limit).list();
    }
}
