package org.kindred.journal;

import java.util.Optional;
import java.util.UUID;

/**
 * Where the encrypted bytes of journal attachments live, keyed by member and attachment id. It only ever sees
 * ciphertext (sealed with the member's data key), so an object store can replace the PostgreSQL table without being
 * trusted with content (README, "Incident journal"). Calls run inside the caller's transaction.
 */
public interface AttachmentStore {

    void put(UUID accountId, UUID attachmentId, byte[] sealed);

    /** The sealed bytes; empty when there are none under this id for this member. */
    Optional<byte[]> get(UUID accountId, UUID attachmentId);

    void delete(UUID accountId, UUID attachmentId);

    /** Erasure: every attachment of the member. */
    void deleteAll(UUID accountId);
}
