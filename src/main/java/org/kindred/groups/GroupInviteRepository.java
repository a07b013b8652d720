package org.kindred.groups;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class GroupInviteRepository implements PanacheRepositoryBase<GroupInvite, UUID> {

    /** The invite with this code hash, locked so concurrent joins cannot use it more than {@code maxUses} times. */
    public Optional<GroupInvite> findByCodeForUpdate(byte[] codeHash) {
        return find("codeHash", codeHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<GroupInvite> page(UUID groupId, Instant beforeCreatedAt, UUID beforeId, int limit) {
        if (beforeCreatedAt == null) {
            return find("groupId = ?1 order by createdAt desc, id desc", groupId).page(0, limit).list();
        }
        return find(
                "groupId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) order by createdAt desc, id desc",
                groupId, beforeCreatedAt, beforeId).page(0, limit).list();
    }
}
