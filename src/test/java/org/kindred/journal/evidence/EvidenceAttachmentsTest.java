package org.kindred.journal.evidence;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** Attachments in the evidence export: listed with their SHA-256 in the signed document and the PDF, and covered. */
@QuarkusTest
class EvidenceAttachmentsTest {

    @Test
    void anAttachmentIsListedWithItsHashAndChangingTheHashFailsVerification() throws Exception {
        TestAccount member = Api.register("evatt");
        String before = Evidence.record(member, "They moved my desk next to the bins.", "2026-03-01");
        String entry = Evidence.record(member, "The message they sent me afterwards.", "2026-03-02");
        byte[] note = "Screenshot transcript: 'go back where you came from'".getBytes(StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(note));
        Api.as(member).contentType("text/plain").body(note).queryParam("filename", "message.txt")
                .post(Evidence.ENTRIES + "/" + entry + "/attachments").then().statusCode(201)
                .body("sha256", equalTo(sha256));

        ObjectNode signed = Evidence.signed(member);
        JsonNode document = signed.get("document");
        String signature = signed.get("signature").asText();
        assertEquals(before, document.at("/entries/0/id").asText());
        assertEquals(0, document.at("/entries/0/attachments").size());
        JsonNode attachment = document.at("/entries/1/attachments/0");
        assertEquals("message.txt", attachment.get("fileName").asText());
        assertEquals("text/plain", attachment.get("mediaType").asText());
        assertEquals(note.length, attachment.get("size").asLong());
        assertEquals(sha256, attachment.get("sha256").asText());
        Evidence.verify(document, signature).then().statusCode(200).body("valid", equalTo(true));

        // One hex digit of the attachment's hash: the entry holding it is named, though the signature fails too.
        ObjectNode altered = document.deepCopy();
        ((ObjectNode) altered.at("/entries/1/attachments/0")).put("sha256",
                (sha256.charAt(0) == 'f' ? "e" : "f") + sha256.substring(1));
        Evidence.verify(altered, signature).then().statusCode(200).body("valid", equalTo(false))
                .body("firstFailure.reason", equalTo("entry-mismatch")).body("firstFailure.entryId", equalTo(entry))
                .body("firstFailure.entryIndex", equalTo(1)).body("firstFailure.link", nullValue())
                .body("firstFailure.detail", containsString("attachment")).body("signatureValid", equalTo(false));
        // Its size or name changed the same way; so does an attachment dropped from the list.
        altered = document.deepCopy();
        ((ObjectNode) altered.at("/entries/1/attachments/0")).put("size", note.length + 1);
        Evidence.verify(altered, signature).then().statusCode(200).body("firstFailure.entryId", equalTo(entry));
        altered = document.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) altered.at("/entries/1/attachments")).remove(0);
        Evidence.verify(altered, signature).then().statusCode(200)
                .body("firstFailure.reason", equalTo("entry-mismatch"))
                .body("firstFailure.entryId", equalTo(entry)).body("firstFailure.entryIndex", equalTo(1));

        byte[] pdf = Api.as(member).queryParam("format", "pdf").get(Evidence.EXPORT).then().statusCode(200).extract()
                .asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains("message.txt"), "the PDF lists the attachment");
            assertTrue(text.contains(sha256), "with its SHA-256");
        }
    }

    /**
     * Everything the document says of an attachment is covered: its type, and which entry it belongs to (moved to
     * another entry, the first entry whose digest no longer recomputes is named). A document whose digests were
     * stripped, to hide where it was changed, still fails: the signature covers every byte.
     */
    @Test
    void anAttachmentsTypeAndEntryAreCoveredAndStrippingTheDigestsStillFails() throws Exception {
        TestAccount member = Api.register("evatm");
        String first = Evidence.record(member, "The first remark, in the canteen.", "2026-04-01");
        String second = Evidence.record(member, "The second remark, by e-mail.", "2026-04-03");
        Api.as(member).contentType("text/plain").body("the e-mail, word for word").queryParam("filename", "mail.txt")
                .post(Evidence.ENTRIES + "/" + second + "/attachments").then().statusCode(201);
        ObjectNode signed = Evidence.signed(member);
        JsonNode document = signed.get("document");
        String signature = signed.get("signature").asText();

        ObjectNode altered = document.deepCopy();
        ((ObjectNode) altered.at("/entries/1/attachments/0")).put("mediaType", "application/pdf");
        Evidence.verify(altered, signature).then().statusCode(200).body("valid", equalTo(false))
                .body("firstFailure.reason", equalTo("entry-mismatch")).body("firstFailure.entryId", equalTo(second))
                .body("firstFailure.entryIndex", equalTo(1));

        altered = document.deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode from = (com.fasterxml.jackson.databind.node.ArrayNode) altered
                .at("/entries/1/attachments");
        ((com.fasterxml.jackson.databind.node.ArrayNode) altered.at("/entries/0/attachments")).add(from.remove(0));
        Evidence.verify(altered, signature).then().statusCode(200).body("valid", equalTo(false))
                .body("firstFailure.reason", equalTo("entry-mismatch")).body("firstFailure.entryId", equalTo(first))
                .body("firstFailure.entryIndex", equalTo(0));

        altered = document.deepCopy();
        for (JsonNode entry : altered.get("entries")) {
            ((ObjectNode) entry).remove("digest");
        }
        String sha256 = altered.at("/entries/1/attachments/0/sha256").asText();
        ((ObjectNode) altered.at("/entries/1/attachments/0")).put("sha256",
                (sha256.charAt(0) == '0' ? "1" : "0") + sha256.substring(1));
        Evidence.verify(altered, signature).then().statusCode(200).body("valid", equalTo(false))
                .body("firstFailure.reason", equalTo("signature-mismatch")).body("signatureValid", equalTo(false));
        Evidence.verify(document, signature).then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void thePdfEmbedsEveryPngAndJpegNextToItsHashAndStillHoldsEveryEntry() throws Exception {
        TestAccount member = Api.register("evimg");
        String first = Evidence.record(member, "The sign they put on the staff room door.", "2026-02-11");
        String second = Evidence.record(member, "The group chat messages about my headscarf.", "2026-02-20");
        Evidence.record(member, "Told to use the back entrance from now on.", "2026-02-27");
        byte[] wide = image(1600, 900, "png"); // wider than the page: scaled down
        byte[] photo = image(300, 400, "jpg");
        byte[] chat = image(200, 120, "png");
        java.util.List<String> hashes = java.util.List.of(attach(member, first, wide, "door.png"),
                attach(member, second, photo, "chat-photo.jpg"), attach(member, second, chat, "chat.png"));
        attach(member, second, "not an image".getBytes(StandardCharsets.UTF_8), "notes.txt");

        byte[] pdf = Api.as(member).queryParam("format", "pdf").get(Evidence.EXPORT).then().statusCode(200).extract()
                .asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            java.util.List<PDImageXObject> images = new java.util.ArrayList<>();
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        images.add(image);
                    }
                }
            }
            assertEquals(3, images.size(), "one image XObject per PNG or JPEG attachment, none for the text file");
            assertEquals(java.util.List.of(200, 300, 1600),
                    images.stream().map(PDImageXObject::getWidth).sorted().toList(), "embedded at full resolution");
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            for (String said : java.util.List.of("The sign they put on the staff room door.",
                    "The group chat messages about my headscarf.", "Told to use the back entrance from now on.")) {
                assertTrue(text.contains(said), "the PDF holds every entry: " + said);
            }
            for (String hash : hashes) {
                assertTrue(text.replace(" ", "").contains(hash), "each image is listed with its SHA-256");
            }
            assertTrue(text.contains("notes.txt"));
        }
    }

    /** Uploads a file; its SHA-256 as stored (images are stored with their metadata stripped). */
    private static String attach(TestAccount member, String entry, byte[] bytes, String name) {
        return Api.as(member).contentType("application/octet-stream").body(bytes).queryParam("filename", name)
                .post(Evidence.ENTRIES + "/" + entry + "/attachments").then().statusCode(201).extract().path("sha256");
    }

    private static byte[] image(int width, int height, String format) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.YELLOW);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
