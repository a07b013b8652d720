package org.kindred.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.kindred.journal.AttachmentRepository.AttachmentRow;
import org.kindred.journal.api.JournalAttachmentResponse;

/**
 * Encrypts an attachment's bytes and its revealing metadata (name, type, hash) with the member's data key; the entry
 * and attachment ids are the associated data, so a ciphertext moved to another row does not decrypt.
 */
final class AttachmentCodec {

    /** What is encrypted beside the bytes: everything about the file that could hint at its content. */
    record Metadata(String filename, String mediaType, String sha256, boolean metadataStripped) {
    }

    private AttachmentCodec() {
    }

    static byte[] sealMetadata(SecretKey dataKey, UUID entryId, UUID attachmentId, Metadata metadata) {
        return Aead.seal(dataKey, aad("metadata", entryId, attachmentId), JournalChain.canonical(metadata));
    }

    static Metadata openMetadata(SecretKey dataKey, AttachmentRow row) {
        byte[] json = Aead.open(dataKey, aad("metadata", row.entryId(), row.id()), row.metadata());
        try {
            return JournalChain.CANONICAL.readValue(json, Metadata.class);
        } catch (IOException e) {
            throw new IllegalStateException("an attachment's metadata does not parse after decryption", e);
        }
    }

    static byte[] sealContent(SecretKey dataKey, UUID entryId, UUID attachmentId, byte[] content) {
        return Aead.seal(dataKey, aad("content", entryId, attachmentId), content);
    }

    static byte[] openContent(SecretKey dataKey, UUID entryId, UUID attachmentId, byte[] sealed) {
        return Aead.open(dataKey, aad("content", entryId, attachmentId), sealed);
    }

    static JournalAttachmentResponse response(SecretKey dataKey, AttachmentRow row) {
        Metadata m = openMetadata(dataKey, row);
        return new JournalAttachmentResponse(row.id(), row.entryId(), m.filename(), m.mediaType(), row.size(),
                m.sha256(), m.metadataStripped(), row.createdAt());
    }

    private static byte[] aad(String part, UUID entryId, UUID attachmentId) {
        return ("kindred-journal-attachment-" + part + ":" + entryId + ":" + attachmentId)
                .getBytes(StandardCharsets.UTF_8);
    }
}
