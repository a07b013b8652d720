package org.kindred.library;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ResourceChangeRepository implements PanacheRepositoryBase<ResourceChange, UUID> {

    /** A page of a resource's change log, newest first (keyset on changed_at, id). */
    List<ResourceChange> page(UUID resourceId, Instant beforeTime, UUID beforeId, int rows) {
        if (beforeTime == null) {
            return find("resourceId = ?1 order by changedAt desc, id desc", resourceId).page(0, rows).list();
        }
        return find(
                "resourceId = ?1 and (changedAt < ?2 or (changedAt = ?2 and id < ?3)) order by changedAt desc, id desc",
                resourceId, beforeTime, beforeId).page(0, rows).list();
    }
}
