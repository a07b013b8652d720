package org.kindred.groups;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.platform.db.NativeSql;
import org.kindred.platform.paging.Direction;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class GroupRepository implements PanacheRepositoryBase<Group, UUID> {

    /** Stands for "no account" in the membership join: matches no membership. */
    private static final UUID NOBODY = new UUID(0, 0);

    /** A group's access facts as selected columns, in {@link GroupFacts}' order (read by {@link #groupFacts}). */
    private static final String FACTS = "g.id, g.slug, g.name, g.visibility,"
            + " case when g.archivedAt is null then false else true end, g.rulesVersion, g.rules, g.language";

    /** Filters of the directory; null means "any". */
    public record DirectoryFilter(Basis basis, Topic topic, String language, Boolean facilitated, String q) {
    }

    /** Where the previous page ended: (createdAt, id) for the newest-first order, (rank, id) for relevance. */
    public record Position(Instant createdAt, Float rank, UUID id) {
    }

    public record Row(UUID id, Instant createdAt, float rank) {
    }

    /** A group by UUID or by slug. */
    public Optional<Group> findByRef(String ref) {
        Optional<UUID> id = asUuid(ref);
        if (id.isPresent()) {
            return findByIdOptional(id.get());
        }
        return find("slug", ref.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    /** Serialises slug derivation for one base slug until the transaction ends, so two "Foo" groups get foo and foo-2. */
    public void lockSlug(String base) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('group-slug:' || ?1))")
                .setParameter(1, base).getSingleResult();
    }

    public List<String> slugsStartingWith(String base) {
        return getEntityManager()
                .createQuery("select g.slug from Group g where g.slug = ?1 or g.slug like ?2", String.class)
                .setParameter(1, base).setParameter(2, base + "-%").getResultList();
    }

    /** Facts about a group by UUID or slug, without any access check: for {@link GroupAccess} and memberships. */
    /**
     * A group's access facts by UUID or slug, read as a projection (the membership join matches nobody): no managed
     * entity is loaded, so a request that only
     * checks access has nothing to snapshot or dirty-check at commit (issue 20). A change made earlier in the same
     * transaction is flushed before the query, as for any query.
     */
    public Optional<GroupFacts> facts(String ref) {
        return factsAndStanding(ref, Optional.empty()).map(FactsAndStanding::group);
    }

    public Optional<GroupFacts> facts(UUID id) {
        return factsAndStanding(id, Optional.empty()).map(FactsAndStanding::group);
    }

    /** Facts about several groups by id, in one query. */
    public Map<UUID, GroupFacts> facts(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select " + FACTS + " from Group g where g.id in ?1", Object[].class)
                .setParameter(1, ids).getResultList().stream().map(GroupRepository::groupFacts)
                .collect(Collectors.toMap(GroupFacts::id, f -> f));
    }

    /** A group's access facts and one account's membership in it, if any. */
    public record FactsAndStanding(GroupFacts group, Optional<MemberStanding> member) {
    }

    /**
     * A group's access facts by UUID or slug with the account's membership in it ({@code account} empty: nobody's), in
     * one statement: every group-scoped request asks both, so this is one round trip instead of two.
     */
    public Optional<FactsAndStanding> factsAndStanding(String ref, Optional<UUID> account) {
        Optional<UUID> id = asUuid(ref);
        return factsAndStanding(id.isPresent() ? "g.id = ?1" : "g.slug = ?1",
                id.isPresent() ? id.get() : ref.toLowerCase(Locale.ROOT), account);
    }

    public Optional<FactsAndStanding> factsAndStanding(UUID id, Optional<UUID> account) {
        return factsAndStanding("g.id = ?1", id, account);
    }

    private Optional<FactsAndStanding> factsAndStanding(String condition, Object value, Optional<UUID> account) {
        List<Object[]> rows = getEntityManager().createQuery("select " + FACTS + ", " + MemberStanding.COLUMNS
                + " from Group g left join Membership m on m.groupId = g.id and m.accountId = ?2 where " + condition,
                Object[].class).setParameter(1, value).setParameter(2, account.orElse(NOBODY)).getResultList();
        return rows.stream().findFirst().map(r -> new FactsAndStanding(groupFacts(r), MemberStanding.of(r, 8)));
    }

    private static GroupFacts groupFacts(Object[] r) {
        return new GroupFacts((UUID) r[0], (String) r[1], (String) r[2], (Visibility) r[3], (Boolean) r[4],
                (Integer) r[5], (String) r[6], (String) r[7]);
    }

    public List<Group> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /**
     * One page of the directory: live groups, HIDDEN ones only for their active members (and admins), newest first or,
     * with {@code q}, most relevant first. Keyset pagination; every branch is served by an index (see
     * GroupDirectoryPlanTest).
     */
    @SuppressWarnings("unchecked")
    public List<Row> directory(DirectoryFilter filter, UUID viewer, boolean admin, Direction direction, Position after,
            int limit) {
        List<Object[]> rows = directoryQuery(filter, viewer, admin, direction, after, limit).toQuery(getEntityManager())
                .getResultList();
        List<Row> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            result.add(new Row((UUID) row[0], NativeSql.instant(row[1]), ((Number) row[2]).floatValue()));
        }
        return result;
    }

    /** The directory statement (see {@link #directory}); public so plan tests can EXPLAIN exactly this SQL. */
    public NativeSql directoryQuery(DirectoryFilter filter, UUID viewer, boolean admin, Direction direction,
            Position after, int limit) {
        boolean search = filter.q() != null;
        NativeSql sql = new NativeSql().append("SELECT g.id, g.created_at, ")
                .append(search ? "ts_rank(g.search, s.query)" : "0::real").append(" AS rank FROM groups g");
        if (search) {
            sql.append(
                    ", (SELECT websearch_to_tsquery('simple', :q) || websearch_to_tsquery(kindred_ts_config(:qlang), :q) AS query) s")
                    .bind("q", filter.q()).bind("qlang", filter.language() == null ? "en" : filter.language());
        }
        sql.append(" WHERE g.archived_at IS NULL");
        if (!admin) {
            sql.append(" AND (g.visibility <> 'HIDDEN' OR EXISTS (SELECT 1 FROM memberships m WHERE m.group_id = g.id")
                    .append(" AND m.account_id = CAST(:viewer AS uuid) AND m.status = 'ACTIVE'))")
                    .bind("viewer", viewer == null ? null : viewer.toString());
        }
        if (filter.basis() != null) {
            sql.append(" AND g.bases @> ARRAY[CAST(:basis AS text)]").bind("basis", filter.basis().name());
        }
        if (filter.topic() != null) {
            sql.append(" AND g.topics @> ARRAY[CAST(:topic AS text)]").bind("topic", filter.topic().name());
        }
        if (filter.language() != null) {
            boolean region = filter.language().contains("-");
            sql.append(region ? " AND g.language = :language" : " AND g.primary_language = :language")
                    .bind("language", region ? filter.language() : filter.language().toLowerCase(Locale.ROOT));
        }
        if (filter.facilitated() != null) {
            sql.append(" AND g.facilitated = :facilitated").bind("facilitated", filter.facilitated());
        }
        if (search) {
            sql.append(" AND g.search @@ s.query");
        }
        if (after != null) {
            sql.bind("afterId", after.id());
            String cmp = direction.compare("<");
            if (search) {
                sql.append(" AND (ts_rank(g.search, s.query) " + cmp
                        + " :afterRank OR (ts_rank(g.search, s.query) = :afterRank AND g.id " + cmp + " :afterId))")
                        .bind("afterRank", after.rank());
            } else {
                sql.append(" AND (g.created_at, g.id) " + cmp + " (:afterCreatedAt, :afterId)").bind("afterCreatedAt",
                        after.createdAt());
            }
        }
        return sql.append(" ORDER BY ")
                .append(direction.order(search ? "rank DESC, g.id DESC" : "g.created_at DESC, g.id DESC"))
                .append(" LIMIT :limit").bind("limit", limit);
    }

    static Optional<UUID> asUuid(String ref) {
        if (ref.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(ref));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
