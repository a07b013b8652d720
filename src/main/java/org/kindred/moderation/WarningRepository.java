package org.kindred.moderation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.platform.paging.Direction;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WarningRepository implements PanacheRepositoryBase<Warning, UUID> {

    /** A member's warnings, newest first, on one side of a position (none: from the newest). */
    public List<Warning> page(UUID accountId, Direction direction, Instant at, UUID atId, int limit) {
        String order = " order by " + direction.order("createdAt desc, id desc");
        if (at == null) {
            return find("accountId = ?1" + order, accountId).page(0, limit).list();
        }
        String cmp = direction.compare("<");
        return find("accountId = ?1 and (createdAt " + cmp + " ?2 or createdAt = ?2 and id " + cmp + " ?3)" + order,
                accountId, at, atId).page(0, limit).list();
    }
}
