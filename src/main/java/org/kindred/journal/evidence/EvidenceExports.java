package org.kindred.journal.evidence;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.journal.JournalChain;
import org.kindred.journal.JournalPrivacy;
import org.kindred.journal.api.JournalExport;
import org.kindred.journal.evidence.api.EvidenceAttachment;
import org.kindred.journal.evidence.api.EvidenceDocument;
import org.kindred.journal.evidence.api.EvidenceEntry;
import org.kindred.platform.security.AuthConfig;
import org.kindred.platform.security.CurrentUser;

/**
 * Makes the signed evidence document of the signed-in member's own journal: every entry with every version, the
 * chain and its head, the attachments' hashes, signed by the active evidence key. It names no account: the member
 * decides who sees it.
 */
@ApplicationScoped
public class EvidenceExports {

    /** The document, its canonical bytes (the export's body) and the detached JWS over them. */
    public record Signed(EvidenceDocument document, byte[] canonical, String signature) {
    }

    /** The document and its rendering as a PDF. */
    public record Pdf(EvidenceDocument document, byte[] bytes) {
    }

    private final JournalPrivacy journal;
    private final EvidenceAttachments attachments;
    private final EvidenceKeys keys;
    private final CurrentUser currentUser;
    private final AuthConfig auth;
    private final Clock clock;

    public EvidenceExports(JournalPrivacy journal, EvidenceAttachments attachments, EvidenceKeys keys,
            CurrentUser currentUser, AuthConfig auth, Clock clock) {
        this.journal = journal;
        this.attachments = attachments;
        this.keys = keys;
        this.currentUser = currentUser;
        this.auth = auth;
        this.clock = clock;
    }

    /**
     * The PDF of the same record, its images embedded: rendered inside the transaction that reads the journal, so the
     * member's files are decrypted one at a time as the PDF reaches them.
     */
    @Transactional
    public Pdf pdf() {
        UUID me = currentUser.requireAccountId();
        Signed signed = export();
        return new Pdf(signed.document(), EvidencePdf.render(signed.document(),
                DetachedJws.parse(signed.signature()).kid(),
                (entryId, attachmentId) -> attachments.content(me, entryId, attachmentId)));
    }

    @Transactional
    public Signed export() {
        UUID me = currentUser.requireAccountId();
        JournalExport recorded = journal.recorded(me);
        Map<UUID, List<EvidenceAttachment>> files = attachments.forEntries(me,
                recorded.entries().stream().map(e -> e.id()).toList());
        List<EvidenceEntry> entries = recorded.entries().stream()
                .map(e -> new EvidenceEntry(e.id(), e.version(), e.createdAt(), e.updatedAt(), e.hash(),
                        e.revisions(), files.getOrDefault(e.id(), List.of()), null))
                .map(e -> e.withDigest(EntryDigest.of(e))).toList();
        EvidenceDocument document = new EvidenceDocument(EvidenceDocument.FORMAT, auth.issuer(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS), EvidenceDocument.STATEMENT, recorded.chainLength(),
                recorded.chainHead(), entries, recorded.chain());
        byte[] canonical = CanonicalJson.bytes(JournalChain.CANONICAL.valueToTree(document));
        return new Signed(document, canonical, DetachedJws.sign(keys, canonical));
    }
}
