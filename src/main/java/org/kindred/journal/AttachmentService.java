package org.kindred.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.kindred.journal.AttachmentCodec.Metadata;
import org.kindred.journal.AttachmentContent.Kind;
import org.kindred.journal.AttachmentContent.Prepared;
import org.kindred.journal.AttachmentRepository.AttachmentRow;
import org.kindred.journal.JournalVault.Journal;
import org.kindred.journal.api.JournalAttachmentResponse;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.error.UnprocessableException;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.KeysetPaging.TimeAndId;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentUser;
import org.kindred.privacy.events.AccountErased;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Files kept with a member's journal entries. Like the entries, only their owner reaches them (another member's is
 * 404), and everything that could reveal content — the bytes, the name, the type, the hash — is encrypted with the
 * member's data key, so erasure's crypto-shredding covers them too.
 */
@ApplicationScoped
public class AttachmentService {

    /** The largest file kept: 10 MiB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_FILENAME = 255;

    /** A file to download. */
    public record Download(byte[] bytes, String mediaType, String filename) {
    }

    private final AttachmentRepository attachments;
    private final AttachmentStore store;
    private final JournalRepository entries;
    private final JournalVault vault;
    private final JournalConfig config;
    private final KeysetPaging paging;
    private final CurrentUser currentUser;
    private final Clock clock;

    public AttachmentService(AttachmentRepository attachments, AttachmentStore store, JournalRepository entries,
            JournalVault vault, JournalConfig config, KeysetPaging paging, CurrentUser currentUser, Clock clock) {
        this.attachments = attachments;
        this.store = store;
        this.entries = entries;
        this.vault = vault;
        this.config = config;
        this.paging = paging;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Reads the file (never more than {@link #MAX_BYTES} + 1 bytes), judges its kind by its bytes, strips an image's
     * metadata, then stores it in a short transaction. The body is read outside any transaction, so a slow upload holds
     * no lock and no connection.
     */
    public JournalAttachmentResponse add(UUID entryId, String filename, InputStream body) {
        UUID me = currentUser.requireAccountId();
        QuarkusTransaction.requiringNew().run(() -> entries.find(me, entryId, false).orElseThrow(
                JournalService::notFound));
        byte[] raw = readAtMost(body, MAX_BYTES);
        if (raw.length == 0) {
            throw new UnprocessableException("empty-attachment", "Empty file", "The file has no content");
        }
        Prepared prepared;
        try {
            prepared = AttachmentContent.prepare(raw);
        } catch (AttachmentContent.Unsupported e) {
            throw AttachmentRefused.unsupported();
        }
        String name = filename(filename, prepared.kind());
        return QuarkusTransaction.requiringNew().call(() -> store(me, entryId, name, prepared));
    }

    private JournalAttachmentResponse store(UUID me, UUID entryId, String filename, Prepared file) {
        entries.find(me, entryId, true).orElseThrow(JournalService::notFound);
        Journal journal = vault.openForWrite(me); // its row lock serialises the member's quota checks
        long size = file.bytes().length;
        long used = attachments.usedBytes(me);
        long quota = config.attachmentQuotaBytes();
        if (used + size > quota) {
            throw new ConflictException("attachment-quota-exceeded", "Attachment quota exceeded",
                    "Your journal's attachments may take " + quota + " bytes in all; " + used
                            + " are in use. Delete an attachment to make room",
                    null, Map.of("quotaBytes", quota, "usedBytes", used));
        }
        int perEntry = config.attachmentsPerEntry();
        if (attachments.countOfEntry(entryId) >= perEntry) {
            throw new ConflictException("attachment-limit-reached", "Too many attachments",
                    "An entry has at most " + perEntry + " attachments", null, Map.of("maxAttachments", perEntry));
        }
        UUID id = UUID.randomUUID();
        Metadata metadata = new Metadata(filename, file.kind().mediaType,
                JournalChain.hex(JournalChain.sha256(file.bytes())), file.kind().stripped);
        AttachmentRow row = new AttachmentRow(id, entryId, size,
                AttachmentCodec.sealMetadata(journal.dataKey(), entryId, id, metadata), now());
        attachments.insert(me, row);
        store.put(me, id, AttachmentCodec.sealContent(journal.dataKey(), entryId, id, file.bytes()));
        return AttachmentCodec.response(journal.dataKey(), row);
    }

    @Transactional
    public Page<JournalAttachmentResponse> page(UUID entryId, PageParams params) {
        UUID me = currentUser.requireAccountId();
        entries.find(me, entryId, false).orElseThrow(JournalService::notFound);
        return paging.page("journal-attachments|" + me + "|" + entryId, params, 2, (at, direction, limit) -> {
            TimeAndId position = TimeAndId.of(at);
            return attachments.page(me, entryId, direction, TimeAndId.at(position), TimeAndId.id(position), limit);
        }, row -> TimeAndId.key(row.createdAt(), row.id()), rows -> {
            if (rows.isEmpty()) {
                return List.of();
            }
            Journal journal = vault.openForRead(me).orElseThrow(AttachmentService::notFound);
            return rows.stream().map(row -> AttachmentCodec.response(journal.dataKey(), row)).toList();
        });
    }

    @Transactional
    public JournalAttachmentResponse get(UUID entryId, UUID attachmentId) {
        UUID me = currentUser.requireAccountId();
        AttachmentRow row = find(me, entryId, attachmentId);
        Journal journal = vault.openForRead(me).orElseThrow(AttachmentService::notFound);
        return AttachmentCodec.response(journal.dataKey(), row);
    }

    @Transactional
    public Download content(UUID entryId, UUID attachmentId) {
        UUID me = currentUser.requireAccountId();
        AttachmentRow row = find(me, entryId, attachmentId);
        Journal journal = vault.openForRead(me).orElseThrow(AttachmentService::notFound);
        Metadata metadata = AttachmentCodec.openMetadata(journal.dataKey(), row);
        byte[] sealed = store.get(me, attachmentId).orElseThrow(AttachmentService::notFound);
        return new Download(AttachmentCodec.openContent(journal.dataKey(), entryId, attachmentId, sealed),
                metadata.mediaType(), metadata.filename());
    }

    @Transactional
    public void delete(UUID entryId, UUID attachmentId) {
        UUID me = currentUser.requireAccountId();
        entries.find(me, entryId, true).orElseThrow(JournalService::notFound);
        attachments.find(me, entryId, attachmentId).orElseThrow(AttachmentService::notFound);
        vault.openForWrite(me); // a protected journal is changed only with its passphrase
        store.delete(me, attachmentId);
        attachments.delete(attachmentId);
    }

    /** An entry was deleted: its attachments go with its words. Runs in the caller's transaction. */
    void deleteAllOf(UUID accountId, UUID entryId) {
        for (UUID id : attachments.idsOfEntry(entryId)) {
            store.delete(accountId, id);
            attachments.delete(id);
        }
    }

    /** The export's list: every attachment of the member, oldest first, with its hash; never the bytes. */
    List<JournalAttachmentResponse> exportOf(Journal journal) {
        return attachments.all(journal.accountId()).stream()
                .map(row -> AttachmentCodec.response(journal.dataKey(), row)).toList();
    }

    /**
     * Erasure: the bytes and the rows (the data key, which alone could read them in any copy, is shredded by
     * {@link JournalPrivacy}). Same transaction as the rest of the erasure.
     */
    void onErased(@Observes AccountErased erased) {
        store.deleteAll(erased.accountId());
        attachments.deleteAll(erased.accountId());
    }

    private AttachmentRow find(UUID me, UUID entryId, UUID attachmentId) {
        entries.find(me, entryId, false).orElseThrow(JournalService::notFound);
        return attachments.find(me, entryId, attachmentId).orElseThrow(AttachmentService::notFound);
    }

    /** The name as given, without any folder part; {@code attachment.<extension>} when none was given. */
    static String filename(String given, Kind kind) {
        String name = given == null ? "" : given.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "attachment." + kind.extension : name;
    }

    /** The stream's bytes; a 413 as soon as there are more than {@code max}, without reading further. */
    static byte[] readAtMost(InputStream in, long max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() + (long) read > max) {
                    throw AttachmentRefused.tooLarge(max);
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static NotFoundException notFound() {
        return new NotFoundException("No such attachment");
    }
}
