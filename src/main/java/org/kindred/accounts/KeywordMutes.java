package org.kindred.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.kindred.accounts.api.KeywordMuteRequest;
import org.kindred.accounts.api.KeywordMuteResponse;
import org.kindred.accounts.api.KeywordMuteUpdate;
import org.kindred.platform.db.NativeSql;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.paging.Direction;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.KeysetPaging.TimeAndId;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentUser;
import org.kindred.platform.web.ETags;
import org.kindred.platform.web.Versioned;

/**
 * Members muting words: posts and replies whose title or body contain a muted phrase leave the member's own lists
 * (feeds, replies, home timeline, search), whoever wrote them, anonymous posts included: the rule reads text, never
 * the author. It is applied by the posts feature's reader filters from {@code keyword_mutes.pattern}
 * ({@link KeywordPhrases}); nobody else's lists change. A mute past its end stops applying at once, without a job, and
 * stays listed (inactive) until deleted or extended. At most {@value #LIMIT} per member, expired ones included.
 */
@ApplicationScoped
public class KeywordMutes {

    public static final int LIMIT = 100;

    private final EntityManager em;
    private final KeysetPaging paging;
    private final CurrentUser currentUser;
    private final Clock clock;

    public KeywordMutes(EntityManager em, KeysetPaging paging, CurrentUser currentUser, Clock clock) {
        this.em = em;
        this.paging = paging;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    private record Row(UUID id, String phrase, boolean wholeWord, Instant expiresAt, Instant createdAt,
            Instant updatedAt, long version) {
    }

    @Transactional
    public Page<KeywordMuteResponse> mine(PageParams page) {
        UUID me = currentUser.requireAccountId();
        Instant now = clock.instant();
        return paging.page("keyword-mutes|" + me, page, 2,
                (at, direction, limit) -> rows(me, direction, TimeAndId.of(at), limit),
                r -> TimeAndId.key(r.createdAt(), r.id()), rows -> rows.stream().map(r -> render(r, now)).toList());
    }

    @Transactional
    public Versioned<KeywordMuteResponse> get(UUID id) {
        Row row = own(id);
        return Versioned.of(render(row, clock.instant()), row.version());
    }

    /** Adds a mute: 409 {@code already-muted} (with {@code existingId}) for a phrase already muted, 409 at the limit. */
    @Transactional
    public Versioned<KeywordMuteResponse> create(KeywordMuteRequest request) {
        UUID me = currentUser.requireAccountId();
        String phrase = KeywordPhrases.normalise(request.phrase());
        boolean wholeWord = Boolean.TRUE.equals(request.wholeWord());
        Instant now = clock.instant();
        Instant expiresAt = end(request.expiresIn() == null ? null : Optional.of(request.expiresIn()),
                request.expiresAt() == null ? null : Optional.of(request.expiresAt()), now).orElse(null);
        // One member's additions are serialised, so the limit and the duplicate check hold under concurrency.
        em.createNativeQuery("SELECT 1 FROM accounts WHERE id = ?1 FOR NO KEY UPDATE").setParameter(1, me)
                .getResultList();
        List<?> existing = em.createNativeQuery("SELECT id FROM keyword_mutes WHERE account_id = ?1 AND phrase = ?2")
                .setParameter(1, me).setParameter(2, phrase).getResultList();
        if (!existing.isEmpty()) {
            throw new ConflictException("already-muted", "Already muted",
                    "You muted this phrase already; change it with PATCH (its id is in existingId)", null,
                    Map.of("existingId", existing.get(0).toString()));
        }
        long count = ((Number) em.createNativeQuery("SELECT count(*) FROM keyword_mutes WHERE account_id = ?1")
                .setParameter(1, me).getSingleResult()).longValue();
        if (count >= LIMIT) {
            throw new ConflictException("limit-reached", "Too many keyword mutes",
                    "You can mute at most " + LIMIT + " phrases; delete some (expired ones first) to add another",
                    null, Map.of("limit", LIMIT));
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO keyword_mutes (id, account_id, phrase, whole_word, pattern, expires_at, created_at,
                                           updated_at, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, 0)""").setParameter(1, id).setParameter(2, me)
                .setParameter(3, phrase).setParameter(4, wholeWord)
                .setParameter(5, KeywordPhrases.pattern(phrase, wholeWord)).setParameter(6, expiresAt)
                .setParameter(7, now).executeUpdate();
        return Versioned.of(render(new Row(id, phrase, wholeWord, expiresAt, now, now, 0), now), 0);
    }

    /** Changes the end or whole-word matching; {@code If-Match} with the mute's ETag, 412 if it changed since. */
    @Transactional
    public Versioned<KeywordMuteResponse> update(UUID id, KeywordMuteUpdate patch, String ifMatch) {
        Row row = own(id);
        ETags.requireMatch(ifMatch, row.version());
        Instant now = clock.instant();
        Optional<Instant> newEnd = end(patch.expiresIn(), patch.expiresAt(), now);
        Instant expiresAt = patch.expiresIn() == null && patch.expiresAt() == null
                ? row.expiresAt()
                : newEnd.orElse(null);
        if (patch.wholeWord() != null && patch.wholeWord().isEmpty()) {
            throw new BadRequestException("wholeWord", "cannot be null");
        }
        boolean wholeWord = patch.wholeWord() == null ? row.wholeWord() : patch.wholeWord().get();
        int updated = em.createNativeQuery("""
                UPDATE keyword_mutes SET expires_at = ?1, whole_word = ?2, pattern = ?3, updated_at = ?4,
                                         version = version + 1
                WHERE id = ?5 AND version = ?6""").setParameter(1, expiresAt).setParameter(2, wholeWord)
                .setParameter(3, KeywordPhrases.pattern(row.phrase(), wholeWord)).setParameter(4, now)
                .setParameter(5, id).setParameter(6, row.version()).executeUpdate();
        if (updated == 0) {
            throw new org.kindred.platform.error.PreconditionFailedException();
        }
        Row changed = new Row(id, row.phrase(), wholeWord, expiresAt, row.createdAt(), now, row.version() + 1);
        return Versioned.of(render(changed, now), changed.version());
    }

    @Transactional
    public void delete(UUID id) {
        int deleted = em.createNativeQuery("DELETE FROM keyword_mutes WHERE id = ?1 AND account_id = ?2")
                .setParameter(1, id).setParameter(2, currentUser.requireAccountId()).executeUpdate();
        if (deleted == 0) {
            throw notFound();
        }
    }

    /**
     * The end a request asks for: {@code null} when it names none (both absent), empty for "until deleted", else the
     * instant. {@code expiresIn} and {@code expiresAt} together are a 400, as is an end in the past.
     */
    private static Optional<Instant> end(Optional<String> expiresIn, Optional<Instant> expiresAt, Instant now) {
        if (expiresIn != null && expiresIn.isPresent() && expiresAt != null && expiresAt.isPresent()) {
            throw new BadRequestException("expiresAt", "give either expiresIn or expiresAt, not both");
        }
        if (expiresIn != null && expiresIn.isPresent()) {
            return Optional.of(now.plus(Duration.parse(expiresIn.get())));
        }
        if (expiresAt != null && expiresAt.isPresent()) {
            if (!expiresAt.get().isAfter(now)) {
                throw new BadRequestException("expiresAt", "must be in the future");
            }
            return expiresAt;
        }
        return Optional.empty();
    }

    private Row own(UUID id) {
        List<Row> rows = query(new NativeSql().append(COLUMNS).append(" WHERE id = :id AND account_id = :me")
                .bind("id", id).bind("me", currentUser.requireAccountId()));
        return rows.stream().findFirst().orElseThrow(KeywordMutes::notFound);
    }

    private static final String COLUMNS = "SELECT id, phrase, whole_word, expires_at, created_at, updated_at, version"
            + " FROM keyword_mutes";

    private List<Row> rows(UUID me, Direction direction, TimeAndId after, int limit) {
        NativeSql sql = new NativeSql().append(COLUMNS).append(" WHERE account_id = :me").bind("me", me);
        if (after != null) {
            sql.append(" AND (created_at, id) " + direction.compare("<") + " (:at, :id)").bind("at", after.at())
                    .bind("id", after.id());
        }
        return query(sql.append(" ORDER BY " + direction.order("created_at DESC, id DESC") + " LIMIT :limit")
                .bind("limit", limit));
    }

    @SuppressWarnings("unchecked")
    private List<Row> query(NativeSql sql) {
        List<Object[]> rows = sql.toQuery(em).getResultList();
        return rows.stream().map(r -> new Row((UUID) r[0], (String) r[1], (Boolean) r[2], NativeSql.instant(r[3]),
                NativeSql.instant(r[4]), NativeSql.instant(r[5]), ((Number) r[6]).longValue())).toList();
    }

    private static KeywordMuteResponse render(Row r, Instant now) {
        return new KeywordMuteResponse(r.id(), r.phrase(), r.wholeWord(), r.expiresAt(),
                r.expiresAt() == null || r.expiresAt().isAfter(now), r.createdAt(), r.updatedAt());
    }

    private static NotFoundException notFound() {
        return new NotFoundException("No such keyword mute");
    }
}
