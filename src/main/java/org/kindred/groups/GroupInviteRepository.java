package org.kindred.groups;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.kindred.platform.paging.Direction;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class GroupInviteRepository implements PanacheRepositoryBase<GroupInvite, UUID> {

    /** The invite with this code hash, locked so concurrent joins cannot use it more than {@code maxUses} times. */
    public Optional<GroupInvite> findByCodeForUpdate(byte[] codeHash) {
        return find("codeHash", codeHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** A group's invites, newest first, on one side of a position (none: from the newest). */
    public List<GroupInvite> page(UUID groupId, Direction direction, Instant at, UUID atId, int limit) {
        String order = " order by " + direction.order("createdAt desc, id desc");
        if (at == null) {
            return find("groupId = ?1" + order, groupId).page(0, limit).list();
        }
        String cmp = direction.compare("<");
        return find("groupId = ?1 and (createdAt " + cmp + " ?2 or (createdAt = ?2 and id " + cmp + " ?3))" + order,
                groupId, at, atId).page(0, limit).list();
    }
}
