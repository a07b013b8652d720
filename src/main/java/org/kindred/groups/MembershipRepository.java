package org.kindred.groups;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.kindred.platform.paging.Direction;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class MembershipRepository implements PanacheRepositoryBase<Membership, Membership.Key> {

    private final LiveGroupFacts liveFacts;

    public MembershipRepository(LiveGroupFacts liveFacts) {
        this.liveFacts = liveFacts;
    }

    public Optional<Membership> find(UUID groupId, UUID accountId) {
        return findByIdOptional(new Membership.Key(groupId, accountId));
    }

    private static final String STANDING = "select m.groupId, " + MemberStanding.COLUMNS
            + " from Membership m where m.accountId = ?1 and m.groupId in ?2";

    /**
     * The account's standing in each of the given groups it has a membership in, in one query, as projections (no
     * managed entity). One group's is read with the group itself ({@link GroupRepository#factsAndStanding}).
     */
    public Map<UUID, MemberStanding> standingsIn(UUID accountId, Collection<UUID> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, MemberStanding> standings = new java.util.HashMap<>();
        getEntityManager().createQuery(STANDING, Object[].class).setParameter(1, accountId).setParameter(2, groupIds)
                .getResultList()
                .forEach(row -> MemberStanding.of(row, 1).ifPresent(m -> standings.put((UUID) row[0], m)));
        return standings;
    }

    public Optional<Membership> findForUpdate(UUID groupId, UUID accountId) {
        return findByIdOptional(new Membership.Key(groupId, accountId), LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Inserts a membership unless one exists (concurrent joins by the same account are safe). Returns true when
     * this call created it. The row goes straight to SQL so a race never aborts the transaction.
     */
    public boolean insertIfAbsent(UUID groupId, UUID accountId, MembershipRole role, MembershipStatus status,
            int rulesVersion, String message, Instant now) {
        liveFacts.changedInThisTransaction(groupId, accountId);
        return getEntityManager().createNativeQuery("""
                INSERT INTO memberships (group_id, account_id, role, status, rules_version_accepted, request_message,
                                         requested_at, joined_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                ON CONFLICT (group_id, account_id) DO NOTHING""")
                .setParameter(1, groupId).setParameter(2, accountId).setParameter(3, role.name())
                .setParameter(4, status.name()).setParameter(5, rulesVersion).setParameter(6, message)
                .setParameter(7, now).setParameter(8, status == MembershipStatus.ACTIVE ? now : null)
                .executeUpdate() == 1;
    }

    /** The groups an account is an active member of, most recently joined first, at most {@code max}. */
    public List<UUID> activeGroupIds(UUID accountId, int max) {
        return getEntityManager().createQuery(
                "select m.groupId from Membership m where m.accountId = ?1 and m.status = ?2 order by m.joinedAt desc, m.groupId",
                UUID.class).setParameter(1, accountId).setParameter(2, MembershipStatus.ACTIVE).setMaxResults(max)
                .getResultList();
    }

    /** The caller's memberships in the given groups, in one query. */
    public Map<UUID, Membership> forAccountIn(UUID accountId, Collection<UUID> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        return list("accountId = ?1 and groupId in ?2", accountId, groupIds).stream()
                .collect(Collectors.toMap(Membership::groupId, Function.identity()));
    }

    /**
     * One page of a group's members with a status, oldest request first, keyset on (requestedAt, accountId). With
     * {@code hideBlocksOf}, the people that account blocked or was blocked by are left out in the query itself, so a
     * page is still full and its cursor still names the last row shown. (Like the feed, this reads the accounts
     * feature's blocks directly, so a page stays one indexed statement.)
     */
    public List<Membership> page(UUID groupId, MembershipStatus status, UUID hideBlocksOf, Direction direction,
            Instant afterRequestedAt, UUID afterAccount, int limit) {
        StringBuilder query = new StringBuilder("groupId = :group and status = :status");
        Parameters params = Parameters.with("group", groupId).and("status", status);
        if (afterRequestedAt != null) {
            String cmp = direction.compare(">");
            query.append(" and (requestedAt " + cmp + " :afterAt or (requestedAt = :afterAt and accountId " + cmp
                    + " :afterAccount))");
            params.and("afterAt", afterRequestedAt).and("afterAccount", afterAccount);
        }
        if (hideBlocksOf != null) {
            query.append(" and accountId not in (select b.blockedId from Block b where b.blockerId = :viewer)")
                    .append(" and accountId not in (select b.blockerId from Block b where b.blockedId = :viewer)");
            params.and("viewer", hideBlocksOf);
        }
        return find(query.append(" order by ").append(direction.order("requestedAt, accountId")).toString(), params)
                .page(0, limit).list();
    }

    /** One page of an account's memberships, newest first, keyset on (requestedAt desc, groupId desc). */
    public List<Membership> pageForAccount(UUID accountId, Direction direction, Instant at, UUID atGroup, int limit) {
        String order = " order by " + direction.order("requestedAt desc, groupId desc");
        if (at == null) {
            return find("accountId = ?1" + order, accountId).page(0, limit).list();
        }
        String cmp = direction.compare("<");
        return find("accountId = ?1 and (requestedAt " + cmp + " ?2 or (requestedAt = ?2 and groupId " + cmp + " ?3))"
                + order, accountId, at, atGroup).page(0, limit).list();
    }

    /**
     * Serialises membership decisions (approvals, bans, role changes, leaving and removals) within one group until the
     * transaction ends. Taken before any row lock, so decisions cannot deadlock, and "is there another owner" checks
     * cannot race.
     */
    public void lockDecisions(UUID groupId) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('group-decisions:' || ?1))")
                .setParameter(1, groupId.toString()).getSingleResult();
    }

    public long otherActiveOwners(UUID groupId, UUID accountId) {
        return count("groupId = ?1 and role = ?2 and status = ?3 and accountId <> ?4", groupId, MembershipRole.OWNER,
                MembershipStatus.ACTIVE, accountId);
    }

    /** A live group where an account is the only active owner. */
    public record SoleOwnership(UUID groupId, String name) {
    }

    /** The live groups where this account is the only active owner, by name. */
    @SuppressWarnings("unchecked")
    public List<SoleOwnership> soleOwnerships(UUID accountId) {
        List<Object[]> rows = getEntityManager()
                .createNativeQuery(
                        """
                                SELECT g.id, g.name FROM memberships m JOIN groups g ON g.id = m.group_id
                                WHERE m.account_id = :id AND m.role = 'OWNER' AND m.status = 'ACTIVE' AND g.archived_at IS NULL
                                  AND NOT EXISTS (SELECT 1 FROM memberships o WHERE o.group_id = m.group_id AND o.account_id <> m.account_id
                                                  AND o.role = 'OWNER' AND o.status = 'ACTIVE')
                                ORDER BY g.name, g.id""")
                .setParameter("id", accountId).getResultList();
        return rows.stream().map(r -> new SoleOwnership((UUID) r[0], (String) r[1])).toList();
    }
}
