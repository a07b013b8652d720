package org.kindred.journal.evidence;

import org.kindred.journal.JournalChain;
import org.kindred.journal.evidence.api.EvidenceEntry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An entry's own digest: SHA-256 (hex) of the entry's canonical JSON (RFC 8785) without its {@code digest} member —
 * its dates, every version and every attachment with its hash and in its order. The hash chain covers what happened
 * but not the attachments or the entry's dates, so without it a changed attachment hash shows only as a failed
 * signature over the whole document; with it, the verifier names the entry. It locates a change, it does not prove
 * there was none: whoever edits a document can recompute it, and then only the signature fails.
 */
public final class EntryDigest {

    static final String MEMBER = "digest";

    private EntryDigest() {
    }

    /** The digest of an entry as the export writes it. */
    public static String of(EvidenceEntry entry) {
        return of(JournalChain.CANONICAL.valueToTree(entry));
    }

    /** The digest of an entry as a document holds it (any {@code digest} member left out). */
    public static String of(JsonNode entry) {
        ObjectNode content = ((ObjectNode) entry).deepCopy();
        content.remove(MEMBER);
        return JournalChain.hex(JournalChain.sha256(CanonicalJson.bytes(content)));
    }
}
