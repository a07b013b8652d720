package org.kindred.moderation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WarningRepository implements PanacheRepositoryBase<Warning, UUID> {

    public List<Warning> page(UUID accountId, Instant before, UUID beforeId, int limit) {
        if (before == null) {
            return find("accountId = ?1 order by createdAt desc, id desc", accountId).page(0, limit).list();
        }
        return find(
                "accountId = ?1 and (createdAt < ?2 or createdAt = ?2 and id < ?3) order by createdAt desc, id desc",
                accountId, before, beforeId).page(0, limit).list();
    }
}
