package org.kindred.journal.evidence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.kindred.journal.evidence.api.EvidenceAttachment;

/**
 * The files attached to a member's journal entries, as the evidence document and PDF list them (each with its
 * SHA-256). The journal's attachment store implements it; until then {@link NoEvidenceAttachments} answers "none".
 * Called inside the export's transaction, after the member's identity was checked.
 */
public interface EvidenceAttachments {

    /** The attachments of each of these entries of the member, oldest first; entries without any may be absent. */
    Map<UUID, List<EvidenceAttachment>> forEntries(UUID accountId, Collection<UUID> entryIds);

    /** The file's bytes as stored (decrypted), for the PDF to embed images; empty when there are none. */
    default Optional<byte[]> content(UUID accountId, UUID entryId, UUID attachmentId) {
        return Optional.empty();
    }
}
