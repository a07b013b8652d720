package org.kindred.library.partners;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, UUID> {

    boolean nameTaken(String name) {
        return count("lower(name) = lower(?1)", name) > 0;
    }

    /** A page of partners, oldest first (keyset on created_at, id). */
    List<Partner> page(Instant afterTime, UUID afterId, int rows) {
        if (afterTime == null) {
            return find("order by createdAt, id").page(0, rows).list();
        }
        return find("createdAt > ?1 or (createdAt = ?1 and id > ?2) order by createdAt, id", afterTime, afterId)
                .page(0, rows).list();
    }
}
