package org.kindred.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.kindred.platform.db.NativeSql;
import org.kindred.platform.paging.Direction;

/** The webhook_endpoints table. An owner is a partner organisation, or the operators ({@code partnerId} null). */
@ApplicationScoped
public class WebhookEndpointRepository {

    /** An endpoint's stored form (secrets still sealed). */
    record Row(UUID id, UUID partnerId, String url, String description, List<String> eventTypes, byte[] secret,
            byte[] previousSecret, Instant previousSecretUntil, int version, Instant createdAt, Instant updatedAt) {
    }

    private static final String COLUMNS = """
            id, partner_id, url, description, event_types, secret, previous_secret, previous_secret_until, version, \
            created_at, updated_at""";

    /** The owner condition: {@code :owner} is the partner id, or {@link #OPERATORS} for the operators' endpoints. */
    private static final String OWNER = "coalesce(partner_id, CAST('00000000-0000-0000-0000-000000000000' AS uuid)) = :owner";
    private static final UUID OPERATORS = new UUID(0, 0);

    private final EntityManager em;

    public WebhookEndpointRepository(EntityManager em) {
        this.em = em;
    }

    /** Serialises changes to one owner's endpoints (the per-owner limit), until the transaction ends. */
    void lockOwner(UUID partnerId) {
        em.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(hashtext(:owner)) AS text)")
                .setParameter("owner", "webhook-endpoints:" + (partnerId == null ? "operators" : partnerId))
                .getSingleResult();
    }

    long countOf(UUID partnerId) {
        return ((Number) owned(em.createNativeQuery("SELECT count(*) FROM webhook_endpoints WHERE " + OWNER),
                partnerId).getSingleResult()).longValue();
    }

    void insert(Row row) {
        em.createNativeQuery("""
                INSERT INTO webhook_endpoints (id, partner_id, url, description, event_types, secret, version,
                    created_at, updated_at)
                VALUES (:id, :partner, :url, :description, CAST(:types AS text[]), :secret, 0, :now, :now)""")
                .unwrap(NativeQuery.class).setParameter("partner", row.partnerId(), UUID.class)
                .setParameter("id", row.id()).setParameter("url", row.url())
                .setParameter("description", row.description(), String.class)
                .setParameter("types", "{" + String.join(",", row.eventTypes()) + "}")
                .setParameter("secret", row.secret()).setParameter("now", row.createdAt()).executeUpdate();
    }

    /** The owner's endpoint, locked for update when {@code forUpdate}. */
    Optional<Row> find(UUID partnerId, UUID id, boolean forUpdate) {
        List<?> rows = owned(em.createNativeQuery("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = :id AND "
                + OWNER + (forUpdate ? " FOR UPDATE" : "")), partnerId).setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(r -> row((Object[]) r));
    }

    /** The owner's endpoints, oldest first, on one side of a position. */
    List<Row> page(UUID partnerId, Direction direction, Instant afterAt, UUID afterId, int limit) {
        NativeSql sql = new NativeSql().append("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE " + OWNER)
                .bind("owner", partnerId == null ? OPERATORS : partnerId);
        if (afterAt != null) {
            sql.append(" AND (created_at, id) " + direction.compare(">") + " (:afterAt, :afterId)")
                    .bind("afterAt", afterAt).bind("afterId", afterId);
        }
        sql.append(" ORDER BY " + direction.order("created_at, id") + " LIMIT :limit").bind("limit", limit);
        return sql.toQuery(em).getResultList().stream().map(r -> row((Object[]) r)).toList();
    }

    void update(UUID id, String url, String description, List<String> eventTypes, Instant now) {
        em.createNativeQuery("""
                UPDATE webhook_endpoints SET url = :url, description = :description,
                    event_types = CAST(:types AS text[]), version = version + 1, updated_at = :now
                WHERE id = :id""").unwrap(NativeQuery.class).setParameter("id", id).setParameter("url", url)
                .setParameter("description", description, String.class)
                .setParameter("types", "{" + String.join(",", eventTypes) + "}").setParameter("now", now)
                .executeUpdate();
    }

    void rotate(UUID id, byte[] secret, byte[] previous, Instant previousUntil, Instant now) {
        em.createNativeQuery("""
                UPDATE webhook_endpoints SET secret = :secret, previous_secret = :previous,
                    previous_secret_until = :until, version = version + 1, updated_at = :now
                WHERE id = :id""").setParameter("id", id).setParameter("secret", secret)
                .setParameter("previous", previous).setParameter("until", previousUntil).setParameter("now", now)
                .executeUpdate();
    }

    void delete(UUID id) {
        em.createNativeQuery("DELETE FROM webhook_endpoints WHERE id = :id").setParameter("id", id).executeUpdate();
    }

    private static jakarta.persistence.Query owned(jakarta.persistence.Query query, UUID partnerId) {
        return query.setParameter("owner", partnerId == null ? OPERATORS : partnerId);
    }

    private static Row row(Object[] r) {
        return new Row((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], NativeSql.strings(r[4]),
                (byte[]) r[5], (byte[]) r[6], NativeSql.instant(r[7]), ((Number) r[8]).intValue(),
                NativeSql.instant(r[9]), NativeSql.instant(r[10]));
    }
}
