package org.kindred.journal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Members' data keys. Each member who keeps a journal has one random AES-256 key, stored only wrapped by a
 * key-encryption key ({@link KeyEncryptionKeys}); the row also holds the head of the member's hash chain, and its
 * row lock serialises the member's journal writes. Deleting the row ({@link #shred}) is crypto-shredding: every
 * ciphertext of the member, in the database and in every backup, becomes unreadable.
 */
@ApplicationScoped
public class JournalVault {

    /** A member's open journal: the data key and the chain head it had when opened. */
    record Journal(UUID accountId, SecretKey dataKey, long chainLength, byte[] chainHead) {
    }

    private final EntityManager em;
    private final KeyEncryptionKeys keks;
    private final Clock clock;

    public JournalVault(EntityManager em, KeyEncryptionKeys keks, Clock clock) {
        this.em = em;
        this.keks = keks;
        this.clock = clock;
    }

    /**
     * Locks the member's journal for a write, creating it with a new data key on first use. A data key still wrapped
     * by an older KEK is re-wrapped by the active one (rotation).
     */
    Journal openForWrite(UUID accountId) {
        em.createNativeQuery("""
                INSERT INTO journals (account_id, kek_id, wrapped_key, created_at) VALUES (:id, :kek, :wrapped, :now)
                ON CONFLICT (account_id) DO NOTHING""").setParameter("id", accountId)
                .setParameter("kek", keks.activeId())
                .setParameter("wrapped", wrap(Aead.newKey(), accountId, keks.active()))
                .setParameter("now", clock.instant()).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT kek_id, wrapped_key, chain_length, chain_head FROM journals WHERE account_id = :id FOR UPDATE""")
                .setParameter("id", accountId).getSingleResult();
        SecretKey dataKey = unwrap(accountId, (String) row[0], (byte[]) row[1]);
        if (!keks.activeId().equals(row[0])) {
            em.createNativeQuery("""
                    UPDATE journals SET kek_id = :kek, wrapped_key = :wrapped, rewrapped_at = :now
                    WHERE account_id = :id""").setParameter("kek", keks.activeId())
                    .setParameter("wrapped", wrap(dataKey, accountId, keks.active()))
                    .setParameter("now", clock.instant()).setParameter("id", accountId).executeUpdate();
        }
        return new Journal(accountId, dataKey, ((Number) row[2]).longValue(), (byte[]) row[3]);
    }

    /** The member's journal for reading, without a lock; empty when the member never wrote one. */
    Optional<Journal> openForRead(UUID accountId) {
        List<?> rows = em.createNativeQuery("""
                SELECT kek_id, wrapped_key, chain_length, chain_head FROM journals WHERE account_id = :id""")
                .setParameter("id", accountId).getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst()
                .map(row -> new Journal(accountId, unwrap(accountId, (String) row[0], (byte[]) row[1]),
                        ((Number) row[2]).longValue(), (byte[]) row[3]));
    }

    /** Records the new head of the member's chain (the journal must be open for write). */
    void advance(UUID accountId, long chainLength, byte[] chainHead) {
        em.createNativeQuery("UPDATE journals SET chain_length = :length, chain_head = :head WHERE account_id = :id")
                .setParameter("length", chainLength).setParameter("head", chainHead).setParameter("id", accountId)
                .executeUpdate();
    }

    /**
     * Re-wraps up to {@code batch} data keys still wrapped by an older KEK; returns how many. Run after a rotation
     * until it returns 0, then the old KEK file can be removed.
     */
    public int rewrapBatch(int batch) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT account_id, kek_id, wrapped_key FROM journals WHERE kek_id <> :kek LIMIT :batch
                FOR UPDATE SKIP LOCKED""").setParameter("kek", keks.activeId()).setParameter("batch", batch)
                .getResultList();
        for (Object[] row : rows) {
            UUID accountId = (UUID) row[0];
            SecretKey dataKey = unwrap(accountId, (String) row[1], (byte[]) row[2]);
            em.createNativeQuery("""
                    UPDATE journals SET kek_id = :kek, wrapped_key = :wrapped, rewrapped_at = :now
                    WHERE account_id = :id""").setParameter("kek", keks.activeId())
                    .setParameter("wrapped", wrap(dataKey, accountId, keks.active()))
                    .setParameter("now", clock.instant()).setParameter("id", accountId).executeUpdate();
        }
        return rows.size();
    }

    /** Crypto-shredding: deletes the member's data key (and chain head). Returns whether there was one. */
    boolean shred(UUID accountId) {
        return em.createNativeQuery("DELETE FROM journals WHERE account_id = :id").setParameter("id", accountId)
                .executeUpdate() > 0;
    }

    private static byte[] wrap(SecretKey dataKey, UUID accountId, SecretKey kek) {
        return Aead.seal(kek, aad(accountId), dataKey.getEncoded());
    }

    private SecretKey unwrap(UUID accountId, String kekId, byte[] wrapped) {
        SecretKey kek = keks.byId(kekId).orElseThrow(() -> new IllegalStateException(
                "A journal data key is wrapped by KEK '" + kekId + "', which is not in kindred.journal.kek-dir"));
        return Aead.key(Aead.open(kek, aad(accountId), wrapped));
    }

    static byte[] aad(UUID accountId) {
        return ("kindred-journal-key:" + accountId).getBytes(StandardCharsets.UTF_8);
    }
}
