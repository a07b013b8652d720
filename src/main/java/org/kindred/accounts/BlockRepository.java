package org.kindred.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.platform.paging.Direction;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class BlockRepository implements PanacheRepositoryBase<Block, Block.Key> {

    /** Idempotent: blocking twice keeps the first block. */
    public void block(UUID blocker, UUID blocked, Instant now) {
        getEntityManager().createNativeQuery("""
                INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING""")
                .setParameter(1, blocker).setParameter(2, blocked).setParameter(3, now).executeUpdate();
    }

    public void unblock(UUID blocker, UUID blocked) {
        delete("blockerId = ?1 and blockedId = ?2", blocker, blocked);
    }

    public boolean eitherWay(UUID a, UUID b) {
        return count("blockerId = ?1 and blockedId = ?2 or blockerId = ?2 and blockedId = ?1", a, b) > 0;
    }

    /** The people an account blocked, newest first, on one side of a position (none: from the newest). */
    public List<Block> page(UUID blocker, Direction direction, Instant at, UUID atId, int limit) {
        String order = " order by " + direction.order("createdAt desc, blockedId desc");
        if (at == null) {
            return find("blockerId = ?1" + order, blocker).page(0, limit).list();
        }
        String cmp = direction.compare("<");
        return find("blockerId = ?1 and (createdAt " + cmp + " ?2 or createdAt = ?2 and blockedId " + cmp + " ?3)"
                + order, blocker, at, atId).page(0, limit).list();
    }
}
