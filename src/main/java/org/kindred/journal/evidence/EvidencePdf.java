package org.kindred.journal.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.kindred.journal.JournalChain;
import org.kindred.journal.api.IncidentFields;
import org.kindred.journal.api.JournalRevisionResponse;
import org.kindred.journal.evidence.api.EvidenceAttachment;
import org.kindred.journal.evidence.api.EvidenceDocument;
import org.kindred.journal.evidence.api.EvidenceEntry;

/**
 * The evidence document as a PDF a lawyer or an ombudsman can read (README, "Evidence export", describes it page by
 * page): a cover page with the chain head and how to verify, a timeline of the incidents, then every entry in the
 * order the incidents happened with every field, its attachments with their hashes (PNG and JPEG images embedded), its
 * history (each version, when it was recorded, what changed) and its hashes. A rendering of the signed JSON, which stays the authoritative record.
 */
final class EvidencePdf {

    static final String TITLE = "Incident journal: evidence export";

    /** One field of an incident: its label and how to show it. */
    private record Field(String label, Function<IncidentFields, String> value) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("What happened", IncidentFields::whatHappened),
            new Field("Date", f -> f.date().toString()),
            new Field("Time", IncidentFields::time),
            new Field("Time zone", IncidentFields::timeZone),
            new Field("Place", IncidentFields::place),
            new Field("Who was involved", IncidentFields::whoWasInvolved),
            new Field("Witnesses", IncidentFields::witnesses),
            new Field("Grounds", f -> f.grounds().isEmpty()
                    ? null
                    : f.grounds().stream().map(EvidencePdf::words).collect(Collectors.joining(", "))),
            new Field("Area", f -> words(f.area())),
            new Field("Impact", IncidentFields::impact),
            new Field("Actions taken", IncidentFields::actionsTaken));

    /** Image types the PDF embeds (PDFBox reads them without extra codecs). */
    static final Set<String> EMBEDDED = Set.of("image/png", "image/jpeg");

    /** The stored bytes of an attachment, to embed images; empty when there are none. */
    @FunctionalInterface
    interface StoredFiles {
        Optional<byte[]> content(UUID entryId, UUID attachmentId);
    }

    private EvidencePdf() {
    }

    static byte[] render(EvidenceDocument doc, String keyId, StoredFiles files) {
        List<EvidenceEntry> entries = chronological(doc.entries());
        try (PdfPages pdf = new PdfPages()) {
            PDDocumentInformation info = pdf.document.getDocumentInformation();
            info.setTitle(TITLE);
            info.setProducer("Kindred");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            created.setTimeInMillis(doc.generatedAt().toEpochMilli());
            info.setCreationDate(created);

            cover(pdf, doc, entries, keyId);
            timeline(pdf, entries);
            for (int i = 0; i < entries.size(); i++) {
                entry(pdf, entries.get(i), i + 1, entries.size(), files);
            }
            long deleted = doc.chain().stream().filter(l -> l.deleted()).count();
            if (deleted > 0) {
                pdf.space(8);
                pdf.paragraph(PdfPages.REGULAR, 10, 0, deleted + " version(s) of entries the member deleted remain in "
                        + "the hash chain as links without content, so the chain still verifies.");
            }
            pdf.footers("Kindred incident journal evidence, generated " + doc.generatedAt() + ", chain head "
                    + (doc.chainHead() == null ? "none" : doc.chainHead()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cover(PdfPages pdf, EvidenceDocument doc, List<EvidenceEntry> entries, String keyId) {
        pdf.newPage();
        pdf.line(PdfPages.BOLD, 20, 0, TITLE);
        pdf.space(10);
        int versions = entries.stream().mapToInt(e -> e.revisions().size()).sum();
        pdf.field("Generated at (UTC)", doc.generatedAt().toString());
        pdf.field("Entries", entries.size() + " (" + versions + " versions recorded; " + doc.chainLength()
                + " links in the hash chain)");
        pdf.keepTogether(30);
        pdf.line(PdfPages.BOLD, 9, 0, "Chain head (SHA-256 of the newest link)");
        pdf.line(PdfPages.MONO, 9, 12, doc.chainHead() == null ? "none: the journal is empty" : doc.chainHead());
        pdf.space(3);
        pdf.field("Issued by", doc.issuer() + " (the JSON export is signed with its evidence key " + keyId + ")");
        pdf.space(6);
        pdf.line(PdfPages.BOLD, 12, 0, "What this is");
        pdf.paragraph(PdfPages.REGULAR, 10, 0, "This is the member's own record; Kindred does not vouch for its "
                + "truth, only that it has not changed since recorded. Each version of each entry was recorded at "
                + "the time shown, by the service's clock, and is a link of a hash chain: changing, removing or "
                + "reordering any version changes every later hash and the chain head above.");
        pdf.space(8);
        pdf.line(PdfPages.BOLD, 12, 0, "How to verify");
        String base = doc.issuer();
        List<String> steps = List.of(
                "1. Get the JSON export of the same journal: the member downloads it with GET "
                        + "/api/v1/me/journal/export?format=signed (the document and its signature together).",
                "2. Send that JSON unchanged to POST " + base + "/api/v1/evidence/verify (no account needed). "
                        + "It answers valid: true and lists the entries it covers, or names the first entry that "
                        + "fails.",
                "3. Or verify offline: the signature is a detached JWS (EdDSA, Ed25519, RFC 8037) over the "
                        + "document's canonical JSON (RFC 8785); the public keys, retired ones included, are at "
                        + base + "/api/v1/evidence/keys.",
                "4. Check that the JSON's chainHead is the chain head above and that each entry's hash below is "
                        + "in it: then this PDF shows the same record as the verified JSON.");
        for (String step : steps) {
            pdf.paragraph(PdfPages.REGULAR, 10, 0, step);
            pdf.space(2);
        }
        pdf.space(8);
        pdf.line(PdfPages.BOLD, 12, 0, "The JSON export is the authoritative record");
        long replaced = doc.entries().stream().flatMap(e -> e.revisions().stream())
                .flatMap(r -> FIELDS.stream().map(f -> f.value().apply(r.incident())))
                .mapToLong(PdfPages::unencodable).sum();
        pdf.paragraph(PdfPages.REGULAR, 10, 0, "This PDF is written with the standard PDF fonts, which cannot show "
                + "every script: characters outside Western European alphabets (for example Arabic, Cyrillic, "
                + "Chinese or emoji) appear here as '?'. The JSON export keeps every character exactly as recorded "
                + "and is the authoritative, full-fidelity record. "
                + (replaced == 0
                        ? "No character was replaced in this PDF."
                        : replaced + " character(s) were replaced in this PDF."));
    }

    private static void timeline(PdfPages pdf, List<EvidenceEntry> entries) {
        pdf.newPage();
        pdf.line(PdfPages.BOLD, 16, 0, "Timeline of incidents");
        pdf.space(6);
        if (entries.isEmpty()) {
            pdf.paragraph(PdfPages.REGULAR, 10, 0, "The journal has no entries.");
            return;
        }
        float[] columns = {0, 35, 195, 265};
        pdf.row(PdfPages.BOLD, 9, columns, new String[]{"Entry", "When", "Area", "Place"});
        for (int i = 0; i < entries.size(); i++) {
            IncidentFields f = current(entries.get(i));
            pdf.row(PdfPages.REGULAR, 9, columns, new String[]{String.valueOf(i + 1), when(f), words(f.area()),
                    f.place() == null ? "-" : f.place()});
        }
    }

    private static void entry(PdfPages pdf, EvidenceEntry entry, int number, int total, StoredFiles files) {
        IncidentFields now = current(entry);
        pdf.newPage();
        pdf.line(PdfPages.BOLD, 14, 0,
                "Entry " + number + " of " + total + ": " + when(now) + ", " + words(now.area()));
        pdf.space(4);
        pdf.field("Entry id", entry.id().toString());
        pdf.field("Recorded", "first " + entry.createdAt() + ", last edited " + entry.updatedAt() + " (UTC); "
                + "version " + entry.version() + (entry.version() == 1 ? " (never edited)" : ""));
        pdf.keepTogether(30);
        pdf.line(PdfPages.BOLD, 9, 0, "Hash of the newest version");
        pdf.line(PdfPages.MONO, 9, 12, entry.hash());
        pdf.space(6);
        pdf.line(PdfPages.BOLD, 12, 0, "As it stands (version " + entry.version() + ")");
        fields(pdf, now, FIELDS);
        pdf.space(4);
        attachments(pdf, entry, files);
        pdf.space(6);
        pdf.line(PdfPages.BOLD, 12, 0, "History: every version as recorded");
        IncidentFields previous = null;
        for (JournalRevisionResponse revision : entry.revisions()) {
            pdf.space(4);
            pdf.keepTogether(60);
            pdf.line(PdfPages.BOLD, 10, 0, "Version " + revision.version()
                    + (previous == null ? " (original)" : "") + ", recorded " + revision.recordedAt() + " (UTC)");
            pdf.line(PdfPages.MONO, 8, 12, "Hash " + revision.hash());
            IncidentFields was = previous;
            List<Field> changed = was == null
                    ? FIELDS
                    : FIELDS.stream()
                            .filter(f -> !Objects.equals(f.value().apply(was), f.value().apply(revision.incident())))
                            .toList();
            if (entry.revisions().size() == 1) {
                pdf.paragraph(PdfPages.REGULAR, 10, 12, "Never edited: the original is the version shown above.");
                break;
            }
            if (was != null) {
                pdf.paragraph(PdfPages.REGULAR, 10, 12, changed.isEmpty()
                        ? "Changed: nothing shown here."
                        : "Changed: " + changed.stream().map(Field::label).collect(Collectors.joining(", "))
                                + ". New values:");
            }
            fields(pdf, revision.incident(), changed);
            previous = revision.incident();
        }
    }

    /** Each file with its hash; a PNG or JPEG embedded below its listing when the stored bytes match that hash. */
    private static void attachments(PdfPages pdf, EvidenceEntry entry, StoredFiles files) {
        pdf.line(PdfPages.BOLD, 12, 0, "Attachments");
        if (entry.attachments().isEmpty()) {
            pdf.paragraph(PdfPages.REGULAR, 10, 12, "None.");
        }
        for (EvidenceAttachment a : entry.attachments()) {
            pdf.keepTogether(40);
            pdf.paragraph(PdfPages.REGULAR, 10, 12, a.fileName() + " (" + a.mediaType() + ", " + a.size()
                    + " bytes, attached " + a.attachedAt() + ")");
            pdf.line(PdfPages.MONO, 8, 24, "SHA-256 " + a.sha256());
            if (EMBEDDED.contains(a.mediaType())) {
                embed(pdf, entry, a, files);
            } else if (a.mediaType().startsWith("image/")) {
                pdf.paragraph(PdfPages.REGULAR, 9, 24, "Not shown: this PDF embeds PNG and JPEG images only.");
            }
            pdf.space(4);
        }
    }

    private static void embed(PdfPages pdf, EvidenceEntry entry, EvidenceAttachment a, StoredFiles files) {
        Optional<byte[]> bytes = files.content(entry.id(), a.id());
        if (bytes.isEmpty() || !a.sha256().equals(JournalChain.hex(JournalChain.sha256(bytes.get())))) {
            pdf.paragraph(PdfPages.REGULAR, 9, 24, "Not shown: the stored file does not match this SHA-256.");
            return;
        }
        PDImageXObject image;
        try {
            image = PDImageXObject.createFromByteArray(pdf.document, bytes.get(), a.fileName());
        } catch (IOException | IllegalArgumentException e) {
            pdf.paragraph(PdfPages.REGULAR, 9, 24, "Not shown: the image could not be read.");
            return;
        }
        pdf.line(PdfPages.REGULAR, 9, 24, "The image, as stored (the file with the SHA-256 above):");
        pdf.image(image, 24);
    }

    private static void fields(PdfPages pdf, IncidentFields incident, List<Field> fields) {
        for (Field field : fields) {
            String value = field.value().apply(incident);
            pdf.field(field.label(), value == null || value.isEmpty() ? "(not given)" : value);
        }
    }

    /** By the incident's date and time as it stands, then by when it was recorded. */
    static List<EvidenceEntry> chronological(List<EvidenceEntry> entries) {
        List<EvidenceEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing((EvidenceEntry e) -> current(e).date())
                .thenComparing(e -> current(e).time() == null ? "" : current(e).time())
                .thenComparing(EvidenceEntry::createdAt).thenComparing(EvidenceEntry::id));
        return sorted;
    }

    private static IncidentFields current(EvidenceEntry entry) {
        return entry.revisions().get(entry.revisions().size() - 1).incident();
    }

    private static String when(IncidentFields f) {
        return f.date() + (f.time() == null ? "" : " " + f.time()) + (f.timeZone() == null ? "" : " " + f.timeZone());
    }

    /** {@code RACE_ETHNICITY} as "Race ethnicity". */
    static String words(Enum<?> value) {
        String text = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
