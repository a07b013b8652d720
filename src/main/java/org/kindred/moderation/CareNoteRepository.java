package org.kindred.moderation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CareNoteRepository implements PanacheRepositoryBase<CareNote, UUID> {

    public boolean existsSince(UUID accountId, Instant since) {
        return count("accountId = ?1 and createdAt >= ?2", accountId, since) > 0;
    }

    public List<CareNote> newest(UUID accountId, int limit) {
        return find("accountId = ?1 order by createdAt desc, id desc", accountId).page(0, limit).list();
    }
}
