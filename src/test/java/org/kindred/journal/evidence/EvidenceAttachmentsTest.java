package org.kindred.journal.evidence;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
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
        String entry = Evidence.record(member, "The message they sent me afterwards.", "2026-03-02");
        byte[] note = "Screenshot transcript: 'go back where you came from'".getBytes(StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(note));
        Api.as(member).contentType("text/plain").body(note).queryParam("filename", "message.txt")
                .post(Evidence.ENTRIES + "/" + entry + "/attachments").then().statusCode(201)
                .body("sha256", equalTo(sha256));

        ObjectNode signed = Evidence.signed(member);
        JsonNode document = signed.get("document");
        String signature = signed.get("signature").asText();
        JsonNode attachment = document.at("/entries/0/attachments/0");
        assertEquals("message.txt", attachment.get("fileName").asText());
        assertEquals("text/plain", attachment.get("mediaType").asText());
        assertEquals(note.length, attachment.get("size").asLong());
        assertEquals(sha256, attachment.get("sha256").asText());
        Evidence.verify(document, signature).then().statusCode(200).body("valid", equalTo(true));

        ObjectNode altered = document.deepCopy();
        ((ObjectNode) altered.at("/entries/0/attachments/0")).put("sha256", "0".repeat(64));
        Evidence.verify(altered, signature).then().statusCode(200).body("valid", equalTo(false));

        byte[] pdf = Api.as(member).queryParam("format", "pdf").get(Evidence.EXPORT).then().statusCode(200).extract()
                .asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains("message.txt"), "the PDF lists the attachment");
            assertTrue(text.contains(sha256), "with its SHA-256");
        }
    }
}
