package org.kindred.journal.evidence;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.journal.evidence.Evidence.EXPORT;
import static org.kindred.journal.evidence.Evidence.JSON;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The evidence export through the HTTP API: the canonical JSON with its detached signature (verifiable with nothing
 * but the JDK and the published keys), the signed form the verifier takes, the PDF with every entry, version and hash,
 * content negotiation, and only ever the caller's own journal.
 */
@QuarkusTest
class EvidenceExportTest {

    private static final String LONG = "At the team meeting my manager said that people like me are not a good fit for "
            + "client work, in front of four colleagues, and then he repeated it when I asked him what he meant by it.";

    @Test
    void theJsonExportIsCanonicalSignedAndVerifiesOnlineAndOffline() throws Exception {
        TestAccount member = Api.register("evjsn");
        String first = Evidence.record(member, LONG, "2026-03-02");
        Evidence.edit(member, first, Map.of("place", "Canteen", "witnesses", "A. and R."));
        String second = Evidence.record(member, "Refused a flat viewing after I gave my name.", "2026-01-10");

        Response export = Api.as(member).get(EXPORT).then().statusCode(200)
                .contentType(containsString("application/json")).header("Cache-Control", "no-store")
                .header("Content-Disposition", org.hamcrest.Matchers.matchesPattern(
                        "attachment; filename=\"kindred-journal-evidence-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.json\""))
                .extract().response();
        byte[] body = export.asByteArray();
        String signature = export.header(EvidenceExportResource.SIGNATURE_HEADER);
        assertNotNull(signature);
        JsonNode document = JSON.readTree(body);

        // Canonical: sorted keys, no whitespace, exactly the bytes the service's canonical writer gives.
        assertArrayEquals(CanonicalJson.bytes(document), body);
        assertFalse(new String(body, StandardCharsets.UTF_8).contains("\n"));
        assertEquals("kindred-journal-evidence/1", document.get("format").asText());
        assertEquals(Api.as(member).get("/api/v1/me/journal").then().extract().path("chainHead"),
                document.get("chainHead").asText());
        assertEquals(3, document.get("chainLength").asInt());
        assertEquals(List.of(first, second), ids(document.get("entries")));
        assertEquals(2, document.at("/entries/0/revisions").size());
        assertEquals(LONG, document.at("/entries/0/revisions/0/incident/whatHappened").asText());
        assertEquals("Canteen", document.at("/entries/0/revisions/1/incident/place").asText());
        assertEquals(JSON.createArrayNode(), document.at("/entries/0/attachments"));
        String text = new String(body, StandardCharsets.UTF_8);
        assertFalse(text.contains(member.email()), "no e-mail in the evidence");
        assertFalse(text.contains(member.id().toString()), "no account id in the evidence");
        assertFalse(text.contains(member.handle()), "no handle in the evidence");

        // Online: the plain export's body and header, as the verifier takes them.
        Evidence.verify(document, signature).then().statusCode(200).body("valid", equalTo(true))
                .body("keyId", equalTo(Evidence.ACTIVE_KID)).body("keyStatus", equalTo("active"))
                .body("signedAt", equalTo(document.get("generatedAt").asText()))
                .body("chainHead", equalTo(document.get("chainHead").asText()))
                .body("entries.entryId", equalTo(List.of(first, second)))
                .body("entries.versions", equalTo(List.of(2, 1)))
                .body("firstFailure", equalTo(null));

        // Offline, with the JDK alone: the published key and RFC 7515's signing input over the body's bytes.
        String[] jws = signature.split("\\.", -1);
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jws[0]));
        assertEquals("EdDSA", header.get("alg").asText());
        assertEquals("", jws[1], "the payload is detached");
        JsonNode keys = JSON.readTree(Api.anonymous().get(Evidence.KEYS).then().statusCode(200).extract().asString());
        JsonNode jwk = null;
        for (JsonNode key : keys.get("keys")) {
            if (key.get("kid").asText().equals(header.get("kid").asText())) {
                jwk = key;
            }
        }
        assertNotNull(jwk, "the signing key is published");
        byte[] x = Base64.getUrlDecoder().decode(jwk.get("x").asText());
        PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                concat(HexFormat.of().parseHex("302a300506032b6570032100"), x)));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update((jws[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(body))
                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(Base64.getUrlDecoder().decode(jws[2])), "verifies offline");
    }

    @Test
    void theSignedFormIsExactlyWhatTheVerifierTakesAndLayoutDoesNotMatter() throws Exception {
        TestAccount member = Api.register("evsgn");
        Evidence.record(member, "Called a slur on the bus.", "2026-02-14");
        Response signed = Api.as(member).queryParam("format", "signed").get(EXPORT).then().statusCode(200)
                .header(EvidenceExportResource.SIGNATURE_HEADER, (String) null)
                .header("Content-Disposition", containsString("-signed.json")).extract().response();
        Evidence.verify(signed.asString()).then().statusCode(200).body("valid", equalTo(true));

        // Pretty-printed, with the members in another order: the same document.
        ObjectNode body = (ObjectNode) JSON.readTree(signed.asString());
        ObjectNode reordered = JSON.createObjectNode();
        List<String> names = new ArrayList<>();
        body.get("document").fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(name -> reordered.set(name, body.get("document").get(name)));
        String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                Map.of("signature", body.get("signature").asText(), "document", reordered));
        Evidence.verify(pretty).then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void anEmptyJournalExportsAndVerifies() throws Exception {
        TestAccount member = Api.register("evemp");
        ObjectNode signed = Evidence.signed(member);
        assertEquals(0, signed.at("/document/entries").size());
        assertTrue(signed.at("/document/chainHead").isNull());
        Evidence.verify(signed.toString()).then().statusCode(200).body("valid", equalTo(true))
                .body("entries", equalTo(List.of()));
        try (PDDocument pdf = Loader.loadPDF(Api.as(member).accept("application/pdf").get(EXPORT).then()
                .statusCode(200).extract().asByteArray())) {
            assertTrue(new PDFTextStripper().getText(pdf).contains("The journal has no entries."));
        }
    }

    @Test
    void thePdfHoldsTheCoverTheTimelineAndEveryEntryVersionAndHash() throws Exception {
        TestAccount member = Api.register("evpdf");
        String first = Evidence.record(member, LONG, "2026-03-02");
        Evidence.edit(member, first, Map.of("impact", "Took two days of sick leave.", "time", "15:05"));
        String second = Evidence.record(member, "Refused a flat viewing after I gave my name.", "2026-01-10");
        String third = Evidence.record(member, "Deleted later.", "2026-01-11");
        Api.as(member).delete(Evidence.ENTRIES + "/" + third).then().statusCode(204);
        JsonNode document = Evidence.signed(member).get("document");

        Response answer = Api.as(member).accept("application/pdf").get(EXPORT).then().statusCode(200)
                .contentType("application/pdf").header("Cache-Control", "no-store")
                .header("Content-Disposition", containsString(".pdf\"")).extract().response();
        byte[] bytes = answer.asByteArray();
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        String text;
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(pdf.getNumberOfPages() >= 4, "cover, timeline and one page per entry");
            assertEquals("Incident journal: evidence export", pdf.getDocumentInformation().getTitle());
        }
        for (String expected : List.of("Incident journal: evidence export", document.get("chainHead").asText(),
                "Kindred does not vouch for its truth, only that it has not changed since recorded",
                "/api/v1/evidence/verify", "/api/v1/evidence/keys", "the authoritative, full-fidelity record",
                "Timeline of incidents", "2026-01-10 14:30 Europe/London", "Work", "Office, third floor", LONG,
                "Refused a flat viewing after I gave my name.", "Took two days of sick leave.",
                "Could not sleep for a week",
                "Version 1 (original)", "Changed: Time, Impact", "Race ethnicity, Religion belief", first, second,
                "1 version(s) of entries the member deleted remain in the hash chain")) {
            assertTrue(text.contains(expected), "the PDF shows: " + expected);
        }
        for (JsonNode entry : document.get("entries")) {
            assertTrue(text.contains(entry.get("hash").asText()), "the entry's hash");
            for (JsonNode revision : entry.get("revisions")) {
                assertTrue(text.contains(revision.get("hash").asText()), "each version's hash");
                assertTrue(text.contains(revision.get("recordedAt").asText()), "each version's time");
            }
        }
        assertFalse(text.contains("Deleted later."), "a deleted entry's words are gone");
        // Chronological by the incident: the January entry comes before the March one.
        assertTrue(text.indexOf("Entry 1 of 2: 2026-01-10") < text.indexOf("Entry 2 of 2: 2026-03-02"));
        Api.as(member).queryParam("format", "pdf").get(EXPORT).then().statusCode(200).contentType("application/pdf");
    }

    @Test
    void textTheStandardFontsCannotShowBecomesAQuestionMarkAndTheJsonKeepsIt() throws Exception {
        TestAccount member = Api.register("evuni");
        String words = "Он сказал: «уходи». قال لي اذهب 😡 — café, naïve, Zürich";
        Evidence.record(member, words, "2026-04-01");
        byte[] bytes = Api.as(member).queryParam("format", "pdf").get(EXPORT).then().statusCode(200).extract()
                .asByteArray();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("café, naïve, Zürich"), "Latin accents stay");
            assertTrue(text.contains("?? ??????: «?????»"), "Cyrillic is replaced, not dropped");
            assertFalse(text.contains("сказал"));
            assertTrue(text.replaceAll("\\s+", " ").contains("character(s) were replaced in this PDF"));
        }
        assertEquals(words, Evidence.signed(member).at("/document/entries/0/revisions/0/incident/whatHappened")
                .asText(), "the JSON keeps every character");
    }

    @Test
    void contentNegotiationAndBadFormats() {
        TestAccount member = Api.register("evneg");
        Api.as(member).accept("application/json").get(EXPORT).then().statusCode(200)
                .header(EvidenceExportResource.SIGNATURE_HEADER, org.hamcrest.Matchers.notNullValue());
        Api.as(member).accept("application/pdf;q=0.5, application/json").get(EXPORT).then().statusCode(200)
                .contentType(containsString("application/json"));
        Api.as(member).accept("*/*").get(EXPORT).then().statusCode(200).contentType(containsString("application/json"));
        Api.as(member).accept("application/json").queryParam("format", "pdf").get(EXPORT).then().statusCode(200)
                .contentType("application/pdf");
        assertProblem(Api.as(member).accept("text/html").get(EXPORT).then(), 406, "not-acceptable");
        assertFieldError(assertProblem(Api.as(member).queryParam("format", "xml").get(EXPORT).then(), 400,
                "validation"), "format");
        Api.anonymous().get(EXPORT).then().statusCode(401);
    }

    @Test
    void theExportHoldsOnlyTheCallersOwnJournal() throws Exception {
        TestAccount member = Api.register("evown");
        TestAccount other = Api.register("evoth");
        Evidence.record(member, "Mine: the words at the counter.", "2026-05-01");
        String theirs = Evidence.record(other, "Theirs: a different incident.", "2026-05-02");
        JsonNode mine = Evidence.signed(member).get("document");
        assertEquals(1, mine.get("entries").size());
        assertFalse(mine.toString().contains(theirs));
        assertFalse(mine.toString().contains("Theirs:"));
        assertEquals(List.of(theirs), ids(Evidence.signed(other).at("/document/entries")));
    }

    private static List<String> ids(JsonNode entries) {
        List<String> ids = new ArrayList<>();
        entries.forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
