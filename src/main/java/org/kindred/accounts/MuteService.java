package org.kindred.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.kindred.accounts.api.MuteResponse;
import org.kindred.platform.db.NativeSql;
import org.kindred.platform.paging.Direction;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.KeysetPaging.TimeAndId;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentUser;

/**
 * Members muting members: a quieter block. The muted member's named posts and replies leave the muter's feeds,
 * threads, timeline and search (applied by the posts feature's reader filters); nothing changes for the muted member,
 * so they cannot tell. Anonymous posts are never affected, as with blocks.
 */
@ApplicationScoped
public class MuteService {

    private final EntityManager em;
    private final AccountRepository accounts;
    private final AccountDirectory directory;
    private final KeysetPaging paging;
    private final CurrentUser currentUser;
    private final Clock clock;

    public MuteService(EntityManager em, AccountRepository accounts, AccountDirectory directory, KeysetPaging paging,
            CurrentUser currentUser, Clock clock) {
        this.em = em;
        this.accounts = accounts;
        this.directory = directory;
        this.paging = paging;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    public void mute(UUID target) {
        UUID me = currentUser.requireAccountId();
        accounts.requireOtherLiveAccount(me, target, "mute");
        em.createNativeQuery("INSERT INTO mutes (muter_id, muted_id, created_at) VALUES (?1, ?2, ?3) "
                + "ON CONFLICT DO NOTHING").setParameter(1, me).setParameter(2, target)
                .setParameter(3, clock.instant()).executeUpdate();
    }

    @Transactional
    public void unmute(UUID target) {
        em.createNativeQuery("DELETE FROM mutes WHERE muter_id = ?1 AND muted_id = ?2")
                .setParameter(1, currentUser.requireAccountId()).setParameter(2, target).executeUpdate();
    }

    private record Row(UUID mutedId, Instant createdAt) {
    }

    @Transactional
    public Page<MuteResponse> mine(PageParams page) {
        UUID me = currentUser.requireAccountId();
        return paging.page("mutes|" + me, page, 2,
                (at, direction, limit) -> rows(me, direction, TimeAndId.of(at), limit),
                r -> TimeAndId.key(r.createdAt(), r.mutedId()), this::render);
    }

    @SuppressWarnings("unchecked")
    private List<Row> rows(UUID me, Direction direction, TimeAndId after, int limit) {
        NativeSql sql = new NativeSql().append("SELECT muted_id, created_at FROM mutes WHERE muter_id = :me")
                .bind("me", me);
        if (after != null) {
            sql.append(" AND (created_at, muted_id) " + direction.compare("<") + " (:at, :id)").bind("at", after.at())
                    .bind("id", after.id());
        }
        sql.append(" ORDER BY " + direction.order("created_at DESC, muted_id DESC") + " LIMIT :limit").bind("limit",
                limit);
        List<Object[]> rows = sql.toQuery(em).getResultList();
        return rows.stream().map(r -> new Row((UUID) r[0], NativeSql.instant(r[1]))).toList();
    }

    private List<MuteResponse> render(List<Row> shown) {
        Map<UUID, AccountSummary> people = directory.summaries(shown.stream().map(Row::mutedId).toList());
        return shown.stream().map(r -> {
            AccountSummary person = people.get(r.mutedId());
            return new MuteResponse(r.mutedId(), person == null ? null : person.handle(),
                    person == null ? null : person.displayName(), r.createdAt());
        }).toList();
    }
}
