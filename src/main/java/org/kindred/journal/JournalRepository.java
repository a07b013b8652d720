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

/** The journal tables. Every query is scoped to the owner: another member's entry is simply not found. */
@ApplicationScoped
public class JournalRepository {

    /** An entry with its newest revision (content still encrypted). */
    record EntryRow(UUID id, int version, Instant createdAt, Instant updatedAt, byte[] content, byte[] hash) {
    }

    /** One stored revision (content null once the entry was deleted). */
    record RevisionRow(UUID entryId, int version, long chainSeq, byte[] content, byte[] prevHash, byte[] hash,
            Instant recordedAt) {
    }

    private static final String ENTRY_COLUMNS = """
            SELECT e.id, e.version, e.created_at, e.updated_at, r.content, r.hash
            FROM journal_entries e JOIN journal_revisions r ON r.entry_id = e.id AND r.version = e.version
            """;

    private final EntityManager em;

    public JournalRepository(EntityManager em) {
        this.em = em;
    }

    void insertEntry(UUID id, UUID accountId, Instant now) {
        em.createNativeQuery("""
                INSERT INTO journal_entries (id, account_id, version, created_at, updated_at)
                VALUES (:id, :account, 1, :now, :now)""").setParameter("id", id).setParameter("account", accountId)
                .setParameter("now", now).executeUpdate();
    }

    void insertRevision(UUID accountId, RevisionRow r) {
        NativeQuery<?> query = em.createNativeQuery("""
                INSERT INTO journal_revisions (entry_id, version, account_id, chain_seq, content, prev_hash, hash,
                                               recorded_at)
                VALUES (:entry, :version, :account, :seq, :content, :prev, :hash, :at)""").unwrap(NativeQuery.class);
        query.setParameter("entry", r.entryId()).setParameter("version", r.version())
                .setParameter("account", accountId).setParameter("seq", r.chainSeq())
                .setParameter("content", r.content(), byte[].class).setParameter("prev", r.prevHash(), byte[].class)
                .setParameter("hash", r.hash(), byte[].class).setParameter("at", r.recordedAt()).executeUpdate();
    }

    void setVersion(UUID entryId, int version, Instant now) {
        em.createNativeQuery("UPDATE journal_entries SET version = :version, updated_at = :now WHERE id = :id")
                .setParameter("version", version).setParameter("now", now).setParameter("id", entryId)
                .executeUpdate();
    }

    /** Newest first, on one side of the position (none: from the newest), at most {@code limit}. */
    List<EntryRow> page(UUID accountId, Direction direction, Instant afterAt, UUID afterId, int limit) {
        NativeQuery<?> query = em.createNativeQuery(ENTRY_COLUMNS + """
                WHERE e.account_id = :account AND e.deleted_at IS NULL
                  AND (CAST(:afterAt AS timestamptz) IS NULL
                       OR (e.created_at, e.id) %s (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                ORDER BY %s LIMIT :limit""".formatted(direction.compare("<"),
                direction.order("e.created_at DESC, e.id DESC"))).unwrap(NativeQuery.class);
        query.setParameter("account", accountId).setParameter("limit", limit)
                .setParameter("afterAt", afterAt, Instant.class).setParameter("afterId", afterId, UUID.class);
        return rows(query.getResultList());
    }

    Optional<EntryRow> find(UUID accountId, UUID entryId, boolean lock) {
        return rows(em.createNativeQuery(ENTRY_COLUMNS
                + "WHERE e.id = :id AND e.account_id = :account AND e.deleted_at IS NULL"
                + (lock ? " FOR UPDATE OF e" : "")).setParameter("id", entryId).setParameter("account", accountId)
                .getResultList()).stream().findFirst();
    }

    /** Every entry of the member not deleted, oldest first. */
    List<EntryRow> all(UUID accountId) {
        return rows(em.createNativeQuery(ENTRY_COLUMNS
                + "WHERE e.account_id = :account AND e.deleted_at IS NULL ORDER BY e.created_at, e.id")
                .setParameter("account", accountId).getResultList());
    }

    /** Every revision of the member's journal in chain order, or of one entry when {@code entryId} is not null. */
    List<RevisionRow> revisions(UUID accountId, UUID entryId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT entry_id, version, chain_seq, content, prev_hash, hash, recorded_at FROM journal_revisions
                WHERE account_id = :account AND (CAST(:entry AS uuid) IS NULL OR entry_id = CAST(:entry AS uuid))
                ORDER BY chain_seq""").setParameter("account", accountId)
                .setParameter("entry", entryId == null ? null : entryId.toString()).getResultList();
        return rows.stream().map(r -> new RevisionRow((UUID) r[0], ((Number) r[1]).intValue(),
                ((Number) r[2]).longValue(), (byte[]) r[3], (byte[]) r[4], (byte[]) r[5], NativeSql.instant(r[6])))
                .toList();
    }

    /** Deletes an entry's contents; its revisions' hashes stay, so the member's chain still verifies. */
    void delete(UUID entryId, Instant now) {
        em.createNativeQuery("UPDATE journal_revisions SET content = NULL WHERE entry_id = :id")
                .setParameter("id", entryId).executeUpdate();
        em.createNativeQuery("UPDATE journal_entries SET deleted_at = :now, updated_at = :now WHERE id = :id")
                .setParameter("now", now).setParameter("id", entryId).executeUpdate();
    }

    long countEntries(UUID accountId) {
        return ((Number) em.createNativeQuery(
                "SELECT count(*) FROM journal_entries WHERE account_id = :account AND deleted_at IS NULL")
                .setParameter("account", accountId).getSingleResult()).longValue();
    }

    /** Erasure: every row of the member (the data key goes first, see {@link JournalVault#shred}). */
    void eraseAll(UUID accountId) {
        em.createNativeQuery("DELETE FROM journal_revisions WHERE account_id = :account")
                .setParameter("account", accountId).executeUpdate();
        em.createNativeQuery("DELETE FROM journal_entries WHERE account_id = :account")
                .setParameter("account", accountId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static List<EntryRow> rows(List<?> result) {
        return ((List<Object[]>) result).stream().map(r -> new EntryRow((UUID) r[0], ((Number) r[1]).intValue(),
                NativeSql.instant(r[2]), NativeSql.instant(r[3]), (byte[]) r[4], (byte[]) r[5])).toList();
    }
}
