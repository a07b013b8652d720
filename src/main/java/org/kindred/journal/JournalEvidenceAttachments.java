package org.kindred.journal;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.journal.evidence.EvidenceAttachments;
import org.kindred.journal.evidence.api.EvidenceAttachment;

/**
 * The evidence export's list of attachments: each file's name, detected type, size and SHA-256 of the stored bytes
 * (what the content download returns), so a reader can match a file to the signed record; the bytes only for the PDF,
which embeds the images.
 */
@ApplicationScoped
public class JournalEvidenceAttachments implements EvidenceAttachments {

    private final AttachmentService attachments;
    private final AttachmentStore store;
    private final JournalVault vault;

    public JournalEvidenceAttachments(AttachmentService attachments, AttachmentStore store, JournalVault vault) {
        this.attachments = attachments;
        this.store = store;
        this.vault = vault;
    }

    @Override
    public Optional<byte[]> content(UUID accountId, UUID entryId, UUID attachmentId) {
        return vault.openForRead(accountId).flatMap(journal -> store.get(accountId, attachmentId)
                .map(sealed -> AttachmentCodec.openContent(journal.dataKey(), entryId, attachmentId, sealed)));
    }

    @Override
    public Map<UUID, List<EvidenceAttachment>> forEntries(UUID accountId, Collection<UUID> entryIds) {
        Set<UUID> wanted = new HashSet<>(entryIds);
        return vault.openForRead(accountId).map(attachments::exportOf).orElse(List.of()).stream()
                .filter(a -> wanted.contains(a.entryId()))
                .sorted(Comparator.comparing(a -> a.createdAt()))
                .collect(Collectors.groupingBy(a -> a.entryId(), Collectors.mapping(
                        a -> new EvidenceAttachment(a.id(), a.filename(), a.mediaType(), a.size(), a.sha256(),
                                a.createdAt()),
                        Collectors.toList())));
    }
}
