package org.kindred.journal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.kindred.platform.error.ConflictException;
import org.kindred.platform.ratelimit.ActionClass;
import org.kindred.platform.ratelimit.RequestLimits;
import org.kindred.platform.security.PasswordHasher;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Members' data keys. Each member who keeps a journal has one random AES-256 key, stored only wrapped by a
 * key-encryption key ({@link KeyEncryptionKeys}); the row also holds the head of the member's hash chain, and its
 * row lock serialises the member's journal writes. Deleting the row ({@link #shred}) is crypto-shredding: every
 * ciphertext of the member, in the database and in every backup, becomes unreadable.
 * <p>
 * With a journal passphrase the wrapping has two layers: inside, the data key sealed with a key derived from the
 * passphrase (Argon2id, the journal's own salt and parameters); outside, that sealed by the KEK. KEK rotation re-wraps
 * the outer layer only, so it needs no passphrase; opening the journal needs both. A wrong passphrase is a failed
 * AES-GCM tag, and counts against the PASSWORD rate limit; nothing verifies a passphrase but the data key itself.
 */
@ApplicationScoped
public class JournalVault {

    /** A member's open journal: the data key and the chain head it had when opened. */
    record Journal(UUID accountId, SecretKey dataKey, long chainLength, byte[] chainHead) {
    }

    /** What can be said of a journal without opening it. */
    record Status(long chainLength, byte[] chainHead, Instant passphraseSetAt) {
        boolean passphraseSet() {
            return passphraseSetAt != null;
        }
    }

    /** How a passphrase key is derived: Argon2id with this salt and these parameters, 32 bytes. */
    record Derivation(byte[] salt, int memoryKib, int iterations, int parallelism) {
    }

    /** A journals row as stored. */
    private record Row(String kekId, byte[] wrapped, long chainLength, byte[] chainHead, Derivation derivation) {
    }

    static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "kek_id, wrapped_key, chain_length, chain_head, passphrase_salt, "
            + "passphrase_memory_kib, passphrase_iterations, passphrase_parallelism";

    private final EntityManager em;
    private final KeyEncryptionKeys keks;
    private final PasswordHasher argon2;
    private final JournalConfig.Passphrase defaults;
    private final JournalUnlock unlock;
    private final RequestLimits limits;
    private final Clock clock;

    public JournalVault(EntityManager em, KeyEncryptionKeys keks, PasswordHasher argon2, JournalConfig config,
            JournalUnlock unlock, RequestLimits limits, Clock clock) {
        this.em = em;
        this.keks = keks;
        this.argon2 = argon2;
        this.defaults = config.passphrase();
        this.unlock = unlock;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Locks the member's journal for a write, creating it with a new data key on first use. A data key still wrapped
     * by an older KEK is re-wrapped by the active one (rotation). Needs the request's passphrase when one is set.
     */
    Journal openForWrite(UUID accountId) {
        Row row = lockForWrite(accountId);
        byte[] inner = unwrapOuter(accountId, row.kekId(), row.wrapped());
        SecretKey dataKey = dataKey(accountId, row, inner, presented());
        if (!keks.activeId().equals(row.kekId())) {
            rewrapOuter(accountId, inner);
        }
        return new Journal(accountId, dataKey, row.chainLength(), row.chainHead());
    }

    /**
     * The member's journal for reading, without a lock; empty when the member never wrote one. Needs the request's
     * passphrase when one is set (401 {@code journal-locked} without it, {@code wrong-journal-passphrase} when wrong).
     */
    Optional<Journal> openForRead(UUID accountId) {
        return read(accountId, false).map(row -> new Journal(accountId,
                dataKey(accountId, row, unwrapOuter(accountId, row.kekId(), row.wrapped()), presented()),
                row.chainLength(), row.chainHead()));
    }

    /** The journal's chain head and whether it has a passphrase, without opening it; empty when there is none. */
    Optional<Status> status(UUID accountId) {
        List<?> rows = em.createNativeQuery("""
                SELECT chain_length, chain_head, passphrase_set_at FROM journals WHERE account_id = :id""")
                .setParameter("id", accountId).getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst()
                .map(r -> new Status(((Number) r[0]).longValue(), (byte[]) r[1], (Instant) r[2]));
    }

    /** The journal passphrase this request sends in its header, if any. */
    Optional<String> presentedPassphrase() {
        return presented();
    }

    /**
     * Sets or changes the member's passphrase (creating the journal if needed): the data key is sealed with a key
     * derived from {@code passphrase} with a new salt, then by the active KEK. {@code current} must open the journal
     * when a passphrase is set.
     */
    Instant setPassphrase(UUID accountId, Optional<String> current, String passphrase) {
        Row row = lockForWrite(accountId);
        byte[] inner = unwrapOuter(accountId, row.kekId(), row.wrapped());
        SecretKey dataKey = dataKey(accountId, row, inner, current);
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Derivation derivation = new Derivation(salt, defaults.memoryKib(), defaults.iterations(),
                defaults.parallelism());
        byte[] sealed = Aead.seal(derive(JournalUnlock.normalised(passphrase), derivation),
                passphraseAad(accountId), dataKey.getEncoded());
        Instant now = clock.instant();
        em.createNativeQuery("""
                UPDATE journals SET kek_id = :kek, wrapped_key = :wrapped, passphrase_salt = :salt,
                    passphrase_memory_kib = :m, passphrase_iterations = :t, passphrase_parallelism = :p,
                    passphrase_set_at = :now WHERE account_id = :id""").setParameter("kek", keks.activeId())
                .setParameter("wrapped", Aead.seal(keks.active(), aad(accountId), sealed)).setParameter("salt", salt)
                .setParameter("m", derivation.memoryKib()).setParameter("t", derivation.iterations())
                .setParameter("p", derivation.parallelism()).setParameter("now", now).setParameter("id", accountId)
                .executeUpdate();
        return now;
    }

    /**
     * Removes the passphrase (the request's header must open the journal): the data key is wrapped by the KEK alone
     * again. 409 when none is set.
     */
    void removePassphrase(UUID accountId) {
        Row row = read(accountId, true).filter(r -> r.derivation() != null)
                .orElseThrow(() -> new ConflictException("no-journal-passphrase", "No journal passphrase",
                        "Your journal has no passphrase to remove"));
        SecretKey dataKey = dataKey(accountId, row, unwrapOuter(accountId, row.kekId(), row.wrapped()), presented());
        em.createNativeQuery("""
                UPDATE journals SET kek_id = :kek, wrapped_key = :wrapped, passphrase_salt = NULL,
                    passphrase_memory_kib = NULL, passphrase_iterations = NULL, passphrase_parallelism = NULL,
                    passphrase_set_at = NULL WHERE account_id = :id""").setParameter("kek", keks.activeId())
                .setParameter("wrapped", Aead.seal(keks.active(), aad(accountId), dataKey.getEncoded()))
                .setParameter("id", accountId).executeUpdate();
    }

    /** Records the new head of the member's chain (the journal must be open for write). */
    void advance(UUID accountId, long chainLength, byte[] chainHead) {
        em.createNativeQuery("UPDATE journals SET chain_length = :length, chain_head = :head WHERE account_id = :id")
                .setParameter("length", chainLength).setParameter("head", chainHead).setParameter("id", accountId)
                .executeUpdate();
    }

    /**
     * Re-wraps up to {@code batch} data keys still wrapped by an older KEK; returns how many. Run after a rotation
     * until it returns 0, then the old KEK file can be removed. Passphrase-protected keys keep their inner layer: only
     * the KEK's layer changes, so no passphrase is needed.
     */
    public int rewrapBatch(int batch) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT account_id, kek_id, wrapped_key FROM journals WHERE kek_id <> :kek LIMIT :batch
                FOR UPDATE SKIP LOCKED""").setParameter("kek", keks.activeId()).setParameter("batch", batch)
                .getResultList();
        for (Object[] row : rows) {
            UUID accountId = (UUID) row[0];
            rewrapOuter(accountId, unwrapOuter(accountId, (String) row[1], (byte[]) row[2]));
        }
        return rows.size();
    }

    /** Crypto-shredding: deletes the member's data key (and chain head). Returns whether there was one. */
    boolean shred(UUID accountId) {
        return em.createNativeQuery("DELETE FROM journals WHERE account_id = :id").setParameter("id", accountId)
                .executeUpdate() > 0;
    }

    private Row lockForWrite(UUID accountId) {
        em.createNativeQuery("""
                INSERT INTO journals (account_id, kek_id, wrapped_key, created_at) VALUES (:id, :kek, :wrapped, :now)
                ON CONFLICT (account_id) DO NOTHING""").setParameter("id", accountId)
                .setParameter("kek", keks.activeId())
                .setParameter("wrapped", Aead.seal(keks.active(), aad(accountId), Aead.newKey().getEncoded()))
                .setParameter("now", clock.instant()).executeUpdate();
        return read(accountId, true).orElseThrow();
    }

    private Optional<Row> read(UUID accountId, boolean forUpdate) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM journals WHERE account_id = :id"
                + (forUpdate ? " FOR UPDATE" : "")).setParameter("id", accountId).getResultList();
        return rows.stream().map(r -> (Object[]) r).findFirst()
                .map(r -> new Row((String) r[0], (byte[]) r[1], ((Number) r[2]).longValue(), (byte[]) r[3],
                        r[4] == null
                                ? null
                                : new Derivation((byte[]) r[4], ((Number) r[5]).intValue(),
                                        ((Number) r[6]).intValue(), ((Number) r[7]).intValue())));
    }

    private void rewrapOuter(UUID accountId, byte[] inner) {
        em.createNativeQuery("""
                UPDATE journals SET kek_id = :kek, wrapped_key = :wrapped, rewrapped_at = :now
                WHERE account_id = :id""").setParameter("kek", keks.activeId())
                .setParameter("wrapped", Aead.seal(keks.active(), aad(accountId), inner))
                .setParameter("now", clock.instant()).setParameter("id", accountId).executeUpdate();
    }

    /**
     * The data key from the KEK's plaintext: that plaintext itself without a passphrase; with one, opened with the key
     * derived from {@code passphrase}. The PASSWORD limit is checked before a derivation and charged for a wrong one.
     */
    private SecretKey dataKey(UUID accountId, Row row, byte[] inner, Optional<String> passphrase) {
        if (row.derivation() == null) {
            return Aead.key(inner);
        }
        String given = JournalUnlock.normalised(passphrase.orElseThrow(JournalLocked::missing));
        String cacheKey = HexFormat.of().formatHex(row.derivation().salt()) + ":" + given;
        Optional<SecretKey> known = unlock.derived(cacheKey);
        if (known.isEmpty()) {
            outsideTransaction(() -> limits.requireLeft(ActionClass.PASSWORD));
        }
        SecretKey key = known.orElseGet(() -> derive(given, row.derivation()));
        try {
            SecretKey dataKey = Aead.key(Aead.open(key, passphraseAad(accountId), inner));
            unlock.remember(cacheKey, key);
            return dataKey;
        } catch (Aead.UnreadableException e) {
            outsideTransaction(() -> limits.consume(ActionClass.PASSWORD));
            throw JournalLocked.wrong();
        }
    }

    /** Shared rate-limit buckets live in PostgreSQL: a charge must outlive the journal transaction's rollback. */
    private static void outsideTransaction(Runnable action) {
        QuarkusTransaction.suspendingExisting().run(action);
    }

    private SecretKey derive(String passphrase, Derivation d) {
        return Aead.key(argon2.deriveKey(passphrase, d.salt(), d.memoryKib(), d.iterations(), d.parallelism(),
                Aead.KEY_BYTES));
    }

    /** The passphrase sent with this request; none outside a request (scheduled jobs never open a journal). */
    private Optional<String> presented() {
        return Arc.container().requestContext().isActive() ? unlock.presented() : Optional.empty();
    }

    /** The KEK's plaintext: the data key, or (with a passphrase) the data key sealed with the passphrase's key. */
    private byte[] unwrapOuter(UUID accountId, String kekId, byte[] wrapped) {
        SecretKey kek = keks.byId(kekId).orElseThrow(() -> new IllegalStateException(
                "A journal data key is wrapped by KEK '" + kekId + "', which is not in kindred.journal.kek-dir"));
        return Aead.open(kek, aad(accountId), wrapped);
    }

    static byte[] aad(UUID accountId) {
        return ("kindred-journal-key:" + accountId).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] passphraseAad(UUID accountId) {
        return ("kindred-journal-passphrase:" + accountId).getBytes(StandardCharsets.UTF_8);
    }
}
