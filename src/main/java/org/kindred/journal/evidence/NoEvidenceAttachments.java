package org.kindred.journal.evidence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.journal.evidence.api.EvidenceAttachment;

import io.quarkus.arc.DefaultBean;

/** No attachment store yet: every entry's {@code attachments} is {@code []}. Any other implementation replaces it. */
@DefaultBean
@ApplicationScoped
public class NoEvidenceAttachments implements EvidenceAttachments {

    @Override
    public Map<UUID, List<EvidenceAttachment>> forEntries(UUID accountId, Collection<UUID> entryIds) {
        return Map.of();
    }
}
