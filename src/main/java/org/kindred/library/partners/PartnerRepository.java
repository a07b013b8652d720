package org.kindred.library.partners;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.platform.paging.Direction;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, UUID> {

    boolean nameTaken(String name) {
        return count("lower(name) = lower(?1)", name) > 0;
    }

    /** A page of partners, oldest first (keyset on created_at, id), on one side of a position. */
    List<Partner> page(Direction direction, Instant at, UUID atId, int rows) {
        String order = "order by " + direction.order("createdAt, id");
        if (at == null) {
            return find(order).page(0, rows).list();
        }
        String cmp = direction.compare(">");
        return find("createdAt " + cmp + " ?1 or (createdAt = ?1 and id " + cmp + " ?2) " + order, at, atId)
                .page(0, rows).list();
    }
}
