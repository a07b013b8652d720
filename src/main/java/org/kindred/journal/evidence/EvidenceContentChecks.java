package org.kindred.journal.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.kindred.journal.JournalChain;
import org.kindred.journal.api.ChainLink;
import org.kindred.journal.api.JournalEntryResponse;
import org.kindred.journal.api.JournalExport;
import org.kindred.journal.api.JournalRevisionResponse;
import org.kindred.journal.evidence.api.EvidenceDocument;
import org.kindred.journal.evidence.api.EvidenceEntry;
import org.kindred.journal.evidence.api.EvidenceVerification.Failure;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checks of an evidence document that need no key: its hash chain link by link, then each entry in the document's
 * order — where the chain puts it, its newest version, its {@link EntryDigest digest} (attachments and their hashes).
 * They run apart from the signature, so the first changed entry is named even though the signature fails too.
 */
final class EvidenceContentChecks {

    private EvidenceContentChecks() {
    }

    /** The first failure of the chain or of an entry, or null. {@code json} is the document as sent. */
    static Failure firstFailure(EvidenceDocument document, JsonNode json) {
        Failure chain = chainFailure(document);
        return chain != null ? chain : entryFailure(document, json.path("entries"));
    }

    private static Failure chainFailure(EvidenceDocument document) {
        List<JournalEntryResponse> entries = document.entries().stream()
                .map(e -> new JournalEntryResponse(e.id(), e.version(), e.createdAt(), e.updatedAt(), e.hash(),
                        e.revisions().isEmpty() ? null : e.revisions().get(e.revisions().size() - 1).incident(),
                        e.revisions()))
                .toList();
        List<ChainLink> chain = document.chain();
        int broken = JournalChain.firstBrokenLink(
                new JournalExport(document.chainLength(), document.chainHead(), entries, chain, List.of()));
        if (broken >= 0 && broken < chain.size()) {
            UUID entryId = chain.get(broken).entryId();
            return new Failure("chain-broken", entryId, broken, "Link " + broken
                    + " of the hash chain does not recompute: the content, hash or order of this entry's version "
                    + chain.get(broken).version() + " was changed", indexOf(document, entryId));
        }
        if (broken == chain.size()) {
            Set<String> linked = new HashSet<>();
            chain.forEach(l -> linked.add(l.entryId() + "/" + l.version()));
            UUID unlinked = document.entries().stream()
                    .filter(e -> e.revisions().stream().anyMatch(r -> !linked.contains(e.id() + "/" + r.version())))
                    .map(EvidenceEntry::id).findFirst().orElse(null);
            return new Failure("chain-incomplete", unlinked, null, unlinked != null
                    ? "A version of this entry has no link in the hash chain"
                    : "The hash chain does not end in chainHead or does not have chainLength links: links are missing",
                    unlinked == null ? null : indexOf(document, unlinked));
        }
        return null;
    }

    /** Entries in the document's order; the chain verified, so every entry has links. */
    private static Failure entryFailure(EvidenceDocument document, JsonNode sent) {
        Map<UUID, Integer> firstLink = new HashMap<>();
        for (int i = document.chain().size() - 1; i >= 0; i--) {
            firstLink.put(document.chain().get(i).entryId(), i);
        }
        List<EvidenceEntry> inChainOrder = new ArrayList<>(document.entries());
        inChainOrder.sort(Comparator.comparing(e -> firstLink.getOrDefault(e.id(), Integer.MAX_VALUE)));
        for (int i = 0; i < document.entries().size(); i++) {
            EvidenceEntry entry = document.entries().get(i);
            if (!entry.id().equals(inChainOrder.get(i).id())) {
                return new Failure("entry-mismatch", entry.id(), null, "Entry " + i
                        + " is not where the hash chain puts it: the order of the entries was changed", i);
            }
            JournalRevisionResponse newest = entry.revisions().isEmpty()
                    ? null
                    : entry.revisions().get(entry.revisions().size() - 1);
            if (newest == null || newest.version() != entry.version() || !Objects.equals(newest.hash(), entry.hash())) {
                return new Failure("entry-mismatch", entry.id(), null,
                        "The entry's version or hash is not that of its newest version", i);
            }
            if (entry.digest() != null && !entry.digest().equals(EntryDigest.of(sent.get(i)))) {
                return new Failure("entry-mismatch", entry.id(), null, "Entry " + i
                        + "'s digest does not recompute: one of its attachments, an attachment's hash, their order "
                        + "or the entry's dates was changed", i);
            }
        }
        return null;
    }

    private static Integer indexOf(EvidenceDocument document, UUID entryId) {
        for (int i = 0; i < document.entries().size(); i++) {
            if (document.entries().get(i).id().equals(entryId)) {
                return i;
            }
        }
        return null;
    }
}
