package org.kindred.library;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.platform.paging.Direction;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ResourceChangeRepository implements PanacheRepositoryBase<ResourceChange, UUID> {

    /** A page of a resource's change log, newest first (keyset on changed_at, id), on one side of a position. */
    List<ResourceChange> page(UUID resourceId, Direction direction, Instant at, UUID atId, int rows) {
        String order = " order by " + direction.order("changedAt desc, id desc");
        if (at == null) {
            return find("resourceId = ?1" + order, resourceId).page(0, rows).list();
        }
        String cmp = direction.compare("<");
        return find("resourceId = ?1 and (changedAt " + cmp + " ?2 or (changedAt = ?2 and id " + cmp + " ?3))" + order,
                resourceId, at, atId).page(0, rows).list();
    }
}
