package org.kindred.journal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.kindred.journal.JournalRepository.RevisionRow;
import org.kindred.journal.JournalVault.Journal;
import org.kindred.journal.api.ChainLink;
import org.kindred.journal.api.JournalEntryResponse;
import org.kindred.journal.api.JournalExport;
import org.kindred.privacy.ExportContribution;
import org.kindred.privacy.events.AccountErased;

/**
 * The journal's part in the member's privacy rights: its section of the data export, and crypto-shredding on erasure
 * (the data key first, so that whatever copy of a ciphertext survives — a replica, a backup — can never be read).
 */
@ApplicationScoped
public class JournalPrivacy implements ExportContribution {

    private final JournalRepository entries;
    private final JournalVault vault;
    private final AttachmentService attachments;

    public JournalPrivacy(JournalRepository entries, JournalVault vault, AttachmentService attachments) {
        this.entries = entries;
        this.vault = vault;
        this.attachments = attachments;
    }

    @Override
    public String section() {
        return "journal";
    }

    /**
     * Runs inside the data export's read-only transaction. A journal with a passphrase the request did not send is
     * exported as what is not encrypted (the content-free chain), marked {@code locked}, so the rest of the export
     * never fails for it; a wrong passphrase is a 401 like everywhere else.
     */
    @Override
    public JournalExport export(UUID accountId) {
        Optional<JournalVault.Status> status = vault.status(accountId);
        if (status.isPresent() && status.get().passphraseSet() && vault.presentedPassphrase().isEmpty()) {
            return new JournalExport(status.get().chainLength(), JournalChain.hex(status.get().chainHead()),
                    List.of(), chain(entries.revisions(accountId, null)), List.of(), true, JournalExport.LOCKED_NOTE);
        }
        return recorded(accountId);
    }

    /** The whole journal, decrypted: 401 when it has a passphrase the request does not open it with. */
    public JournalExport recorded(UUID accountId) {
        return vault.openForRead(accountId).map(journal -> export(journal))
                .orElse(new JournalExport(0, null, List.of(), List.of(), List.of()));
    }

    JournalExport export(Journal journal) {
        List<RevisionRow> revisions = entries.revisions(journal.accountId(), null);
        Map<UUID, List<RevisionRow>> byEntry = EntryCodec.byEntry(revisions);
        List<JournalEntryResponse> shown = entries.all(journal.accountId()).stream()
                .map(row -> EntryCodec.response(journal.dataKey(), row, byEntry.getOrDefault(row.id(), List.of())))
                .toList();
        return new JournalExport(journal.chainLength(), JournalChain.hex(journal.chainHead()), shown,
                chain(revisions), attachments.exportOf(journal));
    }

    private static List<ChainLink> chain(List<RevisionRow> revisions) {
        return revisions.stream().map(r -> new ChainLink(r.entryId(), r.version(), r.recordedAt(),
                JournalChain.hex(r.prevHash()), JournalChain.hex(r.hash()), r.content() == null)).toList();
    }

    /** Erasure: the data key goes first, then every row. Same transaction as the rest of the erasure. */
    void onErased(@Observes AccountErased erased) {
        vault.shred(erased.accountId());
        entries.eraseAll(erased.accountId());
    }
}
