package org.kindred.journal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

/** {@link AttachmentStore} in PostgreSQL: one {@code bytea} row per attachment (journal_attachment_blobs). */
@ApplicationScoped
public class PostgresAttachmentStore implements AttachmentStore {

    private final EntityManager em;

    public PostgresAttachmentStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public void put(UUID accountId, UUID attachmentId, byte[] sealed) {
        NativeQuery<?> query = em.createNativeQuery("""
                INSERT INTO journal_attachment_blobs (attachment_id, account_id, content)
                VALUES (:id, :account, :content)""").unwrap(NativeQuery.class);
        query.setParameter("id", attachmentId).setParameter("account", accountId)
                .setParameter("content", sealed, byte[].class).executeUpdate();
    }

    @Override
    public Optional<byte[]> get(UUID accountId, UUID attachmentId) {
        List<?> rows = em.createNativeQuery("""
                SELECT content FROM journal_attachment_blobs WHERE attachment_id = :id AND account_id = :account""")
                .setParameter("id", attachmentId).setParameter("account", accountId).getResultList();
        return rows.stream().map(byte[].class::cast).findFirst();
    }

    @Override
    public void delete(UUID accountId, UUID attachmentId) {
        em.createNativeQuery("DELETE FROM journal_attachment_blobs WHERE attachment_id = :id AND account_id = :account")
                .setParameter("id", attachmentId).setParameter("account", accountId).executeUpdate();
    }

    @Override
    public void deleteAll(UUID accountId) {
        em.createNativeQuery("DELETE FROM journal_attachment_blobs WHERE account_id = :account")
                .setParameter("account", accountId).executeUpdate();
    }
}
