package org.kindred.journal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.kindred.platform.db.NativeSql;
import org.kindred.platform.paging.Direction;

/** The attachments' rows (their metadata encrypted); the bytes are in the {@link AttachmentStore}. */
@ApplicationScoped
public class AttachmentRepository {

    /** One attachment as stored: its metadata still encrypted. */
    record AttachmentRow(UUID id, UUID entryId, long size, byte[] metadata, Instant createdAt) {
    }

    private static final String COLUMNS = "SELECT id, entry_id, size, metadata, created_at FROM journal_attachments ";

    private final EntityManager em;

    public AttachmentRepository(EntityManager em) {
        this.em = em;
    }

    void insert(UUID accountId, AttachmentRow row) {
        NativeQuery<?> query = em.createNativeQuery("""
                INSERT INTO journal_attachments (id, entry_id, account_id, size, metadata, created_at)
                VALUES (:id, :entry, :account, :size, :metadata, :at)""").unwrap(NativeQuery.class);
        query.setParameter("id", row.id()).setParameter("entry", row.entryId()).setParameter("account", accountId)
                .setParameter("size", row.size()).setParameter("metadata", row.metadata(), byte[].class)
                .setParameter("at", row.createdAt()).executeUpdate();
    }

    /** An entry's attachments, newest first, on one side of the position, at most {@code limit}. */
    List<AttachmentRow> page(UUID accountId, UUID entryId, Direction direction, Instant afterAt, UUID afterId,
            int limit) {
        NativeQuery<?> query = em.createNativeQuery(COLUMNS + """
                WHERE entry_id = :entry AND account_id = :account
                  AND (CAST(:afterAt AS timestamptz) IS NULL
                       OR (created_at, id) %s (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                ORDER BY %s LIMIT :limit""".formatted(direction.compare("<"),
                direction.order("created_at DESC, id DESC"))).unwrap(NativeQuery.class);
        query.setParameter("entry", entryId).setParameter("account", accountId).setParameter("limit", limit)
                .setParameter("afterAt", afterAt, Instant.class).setParameter("afterId", afterId, UUID.class);
        return rows(query.getResultList());
    }

    Optional<AttachmentRow> find(UUID accountId, UUID entryId, UUID attachmentId) {
        return rows(em.createNativeQuery(COLUMNS + "WHERE id = :id AND entry_id = :entry AND account_id = :account")
                .setParameter("id", attachmentId).setParameter("entry", entryId).setParameter("account", accountId)
                .getResultList()).stream().findFirst();
    }

    /** Every attachment of the member, oldest first (the data export). */
    List<AttachmentRow> all(UUID accountId) {
        return rows(em.createNativeQuery(COLUMNS + "WHERE account_id = :account ORDER BY created_at, id")
                .setParameter("account", accountId).getResultList());
    }

    List<UUID> idsOfEntry(UUID entryId) {
        return em.createNativeQuery("SELECT id FROM journal_attachments WHERE entry_id = :entry", UUID.class)
                .setParameter("entry", entryId).getResultList().stream().map(UUID.class::cast).toList();
    }

    /** Bytes the member keeps in attachments (what the quota counts). */
    long usedBytes(UUID accountId) {
        return ((Number) em.createNativeQuery(
                "SELECT coalesce(sum(size), 0) FROM journal_attachments WHERE account_id = :account")
                .setParameter("account", accountId).getSingleResult()).longValue();
    }

    long countOfEntry(UUID entryId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM journal_attachments WHERE entry_id = :entry")
                .setParameter("entry", entryId).getSingleResult()).longValue();
    }

    void delete(UUID attachmentId) {
        em.createNativeQuery("DELETE FROM journal_attachments WHERE id = :id").setParameter("id", attachmentId)
                .executeUpdate();
    }

    void deleteAll(UUID accountId) {
        em.createNativeQuery("DELETE FROM journal_attachments WHERE account_id = :account")
                .setParameter("account", accountId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static List<AttachmentRow> rows(List<?> result) {
        return ((List<Object[]>) result).stream().map(r -> new AttachmentRow((UUID) r[0], (UUID) r[1],
                ((Number) r[2]).longValue(), (byte[]) r[3], NativeSql.instant(r[4]))).toList();
    }
}
