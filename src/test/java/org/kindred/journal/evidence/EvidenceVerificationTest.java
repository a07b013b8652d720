package org.kindred.journal.evidence;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.journal.evidence.Evidence.EXPORT;
import static org.kindred.journal.evidence.Evidence.JSON;
import static org.kindred.journal.evidence.Evidence.VERIFY;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * Public verification: an export verifies as exported, and every alteration — one character of an entry, a hash, the
 * order of the chain, a left-out link or entry, the key, the signature, the export time — makes it invalid with the
 * right reason and, for the chain, the first failing entry. Exports signed before a key rotation verify with the
 * retired key's public half. Malformed requests are 400, oversized 413.
 */
@QuarkusTest
class EvidenceVerificationTest {

    TestAccount member;
    String first;
    String second;
    JsonNode document;
    String signature;

    /** A journal of three links: 0 = first v1, 1 = second v1, 2 = first v2. */
    @BeforeEach
    void journal() throws Exception {
        member = Api.register("evver");
        first = Evidence.record(member, "He said people like me do not belong here.", "2026-03-02");
        second = Evidence.record(member, "Turned away at the door of the club.", "2026-03-05");
        Evidence.edit(member, first, Map.of("witnesses", "A. and R., who both heard it"));
        ObjectNode signed = Evidence.signed(member);
        document = signed.get("document");
        signature = signed.get("signature").asText();
    }

    @Test
    void theExportVerifiesAsItIs() throws Exception {
        Evidence.verify(document, signature).then().statusCode(200).header("Cache-Control", "no-store")
                .body("valid", equalTo(true)).body("keyId", equalTo(Evidence.ACTIVE_KID))
                .body("entries.entryId", equalTo(List.of(first, second)))
                .body("entries.versions", equalTo(List.of(2, 1))).body("firstFailure", nullValue())
                .body("signatureValid", equalTo(true));
    }

    /** One byte of an entry outside the chain (its dates), the order of the entries: named, signature failing too. */
    @Test
    void aChangedEntryDateOrEntryOrderIsNamedEvenThoughTheSignatureFailsToo() throws Exception {
        ObjectNode altered = document.deepCopy();
        String created = altered.at("/entries/1/createdAt").asText();
        ((ObjectNode) altered.at("/entries/1")).put("createdAt", "1999" + created.substring(4));
        invalid(altered, signature, "entry-mismatch", second, null).body("firstFailure.entryIndex", equalTo(1))
                .body("firstFailure.detail", containsString("digest")).body("signatureValid", equalTo(false));

        altered = document.deepCopy();
        ArrayNode entries = (ArrayNode) altered.get("entries");
        JsonNode zero = entries.get(0).deepCopy();
        entries.set(0, entries.get(1).deepCopy());
        entries.set(1, zero);
        invalid(altered, signature, "entry-mismatch", second, null).body("firstFailure.entryIndex", equalTo(0))
                .body("firstFailure.detail", containsString("order")).body("signatureValid", equalTo(false));
    }

    @Test
    void anExportWithoutDigestsStillVerifiesByItsChainAndSignature() throws Exception {
        ObjectNode old = document.deepCopy();
        old.get("entries").forEach(e -> ((ObjectNode) e).remove("digest"));
        String oldSignature = Evidence.sign(canonical(old), Evidence.RETIRED_KID, Evidence.retiredPrivateKey());
        Evidence.verify(old, oldSignature).then().statusCode(200).body("valid", equalTo(true))
                .body("signatureValid", equalTo(true));
    }

    @Test
    void oneCharacterOfAnEntryChangedFailsAtThatEntry() throws Exception {
        ObjectNode altered = document.deepCopy();
        ObjectNode incident = (ObjectNode) altered.at("/entries/0/revisions/0/incident");
        incident.put("whatHappened", "He said people like me do not belong hera.");
        invalid(altered, signature, "chain-broken", first, 0).body("firstFailure.entryIndex", equalTo(0))
                .body("signatureValid", equalTo(false));

        altered = document.deepCopy();
        ((ObjectNode) altered.at("/entries/1/revisions/0/incident")).put("date", "2026-03-04");
        invalid(altered, signature, "chain-broken", second, 1).body("firstFailure.entryIndex", equalTo(1));
    }

    @Test
    void aChangedHashFailsAtItsLink() throws Exception {
        ObjectNode altered = document.deepCopy();
        String hash = altered.at("/chain/2/hash").asText();
        ((ObjectNode) altered.at("/chain/2")).put("hash", (hash.charAt(0) == 'a' ? "b" : "a") + hash.substring(1));
        invalid(altered, signature, "chain-broken", first, 2);

        // The entry's own hash no longer its newest version's: the chain holds, the entry does not.
        altered = document.deepCopy();
        ((ObjectNode) altered.at("/entries/0")).put("hash", altered.at("/entries/1/hash").asText());
        invalid(altered, signature, "entry-mismatch", first, null);
    }

    @Test
    void swappedLinksFailAtTheFirstOfThem() throws Exception {
        ObjectNode altered = document.deepCopy();
        ArrayNode chain = (ArrayNode) altered.get("chain");
        JsonNode zero = chain.get(0).deepCopy();
        chain.set(0, chain.get(1).deepCopy());
        chain.set(1, zero);
        invalid(altered, signature, "chain-broken", second, 0).body("firstFailure.entryIndex", equalTo(1))
                .body("signatureValid", equalTo(false));
    }

    @Test
    void leftOutLinksAndEntriesFail() throws Exception {
        ObjectNode altered = document.deepCopy();
        ((ArrayNode) altered.get("chain")).remove(2);
        invalid(altered, signature, "chain-incomplete", first, null);

        altered = document.deepCopy();
        ((ArrayNode) altered.get("entries")).remove(1);
        invalid(altered, signature, "chain-broken", second, 1);
    }

    @Test
    void aChangedKeySignatureOrExportTimeFailsTheSignature() throws Exception {
        invalid(document, withKid(signature, "2027-01-01"), "unknown-key", null, null).body("keyStatus", nullValue());
        invalid(document, withKid(signature, Evidence.RETIRED_KID), "signature-mismatch", null, null)
                .body("keyStatus", equalTo("retired"));
        String[] parts = signature.split("\\.", -1);
        byte[] raw = Base64.getUrlDecoder().decode(parts[2]);
        raw[10] ^= 1;
        invalid(document, parts[0] + ".." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
                "signature-mismatch", null, null);
        ObjectNode later = document.deepCopy();
        later.put("generatedAt", "2030-01-01T00:00:00Z");
        invalid(later, signature, "signature-mismatch", null, null);
        String es256 = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"ES256\",\"kid\":\"2026-06-01\"}".getBytes(StandardCharsets.UTF_8));
        invalid(document, es256 + ".." + parts[2], "unsupported-algorithm", null, null);
    }

    @Test
    void anotherDocumentIsNotEvidence() throws Exception {
        ObjectNode other = document.deepCopy();
        other.put("format", "kindred-journal-evidence/0");
        invalid(other, signature, "unsupported-format", null, null).body("entries", equalTo(List.of()));
        ObjectNode broken = document.deepCopy();
        broken.remove("chain");
        invalid(broken, signature, "unsupported-format", null, null);
    }

    @Test
    void anExportSignedBeforeTheRotationVerifiesWithTheRetiredKey() throws Exception {
        byte[] body = Api.as(member).get(EXPORT).then().statusCode(200).extract().asByteArray();
        String old = Evidence.sign(body, Evidence.RETIRED_KID, Evidence.retiredPrivateKey());
        Evidence.verify(JSON.readTree(body), old).then().statusCode(200).body("valid", equalTo(true))
                .body("keyId", equalTo(Evidence.RETIRED_KID)).body("keyStatus", equalTo("retired"));
        // ... and the same signature over a changed document does not.
        ObjectNode altered = (ObjectNode) JSON.readTree(body);
        altered.put("issuer", "https://someone-else.example");
        invalid(altered, old, "signature-mismatch", null, null);
    }

    @Test
    void theKeysArePublicCacheableAndIncludeTheRetiredOne() throws Exception {
        Response keys = Api.anonymous().get(Evidence.KEYS).then().statusCode(200)
                .contentType("application/jwk-set+json").header("Cache-Control", "public, max-age=3600")
                .body("keys.kid", equalTo(List.of(Evidence.RETIRED_KID, Evidence.ACTIVE_KID)))
                .body("keys.status", equalTo(List.of("retired", "active")))
                .body("keys.activeFrom", equalTo(List.of("2026-01-01", "2026-06-01")))
                .body("keys.kty", equalTo(List.of("OKP", "OKP")))
                .body("keys.crv", equalTo(List.of("Ed25519", "Ed25519")))
                .body("keys.alg", equalTo(List.of("EdDSA", "EdDSA"))).body("keys.use", equalTo(List.of("sig", "sig")))
                .extract().response();
        String pem = Files.readString(Path.of("src/test/resources/evidence-keys/2026-01-01.pub.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        byte[] raw = java.util.Arrays.copyOfRange(der, der.length - 32, der.length);
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), keys.path("keys[0].x"));
        String etag = keys.header("ETag");
        Api.anonymous().header("If-None-Match", etag).get(Evidence.KEYS).then().statusCode(304);
        Api.anonymous().accept(ContentType.JSON).get(Evidence.KEYS).then().statusCode(200)
                .contentType(ContentType.JSON);
    }

    @Test
    void malformedRequestsAre400() throws Exception {
        assertProblem(Api.anonymous().body("{").post(VERIFY).then(), 400, "malformed-json");
        assertProblem(Api.anonymous().body("").post(VERIFY).then(), 400, "malformed-json");
        assertProblem(Api.anonymous().body("[]").post(VERIFY).then(), 400, "malformed-json");
        String doc = document.toString();
        assertProblem(Api.anonymous().body("{\"document\":" + doc + ",\"document\":" + doc + ",\"signature\":\""
                + signature + "\"}").post(VERIFY).then(), 400, "malformed-json");
        assertProblem(Api.anonymous().body("{\"document\":{\"format\":\"a\",\"format\":\"b\"},\"signature\":\""
                + signature + "\"}").post(VERIFY).then(), 400, "malformed-json");
        assertFieldError(Evidence.verify(Map.of("document", doc, "signature", signature)).then(), "document");
        assertFieldError(Evidence.verify(Map.of("signature", signature)).then(), "document");
        assertFieldError(Evidence.verify(Map.of("document", document, "signature", 7)).then(), "signature");
        assertFieldError(Evidence.verify(Map.of("document", document, "signature", "not-a-jws")).then(), "signature");
        String[] parts = signature.split("\\.", -1);
        assertFieldError(Evidence.verify(Map.of("document", document, "signature", parts[0] + ".e30." + parts[2]))
                .then(), "signature");
        assertFieldError(Evidence.verify(Map.of("document", document, "signature", "!!!.." + parts[2])).then(),
                "signature");
        assertFieldError(Evidence.verify(Map.of("document", document, "signature", "a".repeat(1025))).then(),
                "signature");
        assertFieldError(Evidence.verify(Map.of("document", document, "signature", signature, "valid", true)).then(),
                "valid");
        assertProblem(Api.anonymous().contentType(ContentType.TEXT).body("x").post(VERIFY).then(), 415,
                "unsupported-media-type");
        assertProblem(Api.anonymous().body("{\"document\":{\"x\":\"" + "a".repeat(70 * 1024) + "\"}}").post(VERIFY)
                .then(), 413, "payload-too-large");
    }

    private static ValidatableResponse invalid(JsonNode document, String signature, String reason, String entryId,
            Integer link) throws Exception {
        return Evidence.verify(document, signature).then().statusCode(200).body("valid", equalTo(false))
                .body("firstFailure.reason", equalTo(reason)).body("firstFailure.entryId", equalTo(entryId))
                .body("firstFailure.link", equalTo(link)).body("signedAt", nullValue());
    }

    /** RFC 8785 for this document's values (strings without escapes, integers), written from the RFC. */
    private static byte[] canonical(JsonNode value) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .writeValueAsBytes(new com.fasterxml.jackson.databind.ObjectMapper().convertValue(value, Object.class));
    }

    private static String withKid(String jws, String kid) throws Exception {
        String[] parts = jws.split("\\.", -1);
        ObjectNode header = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        header.put("kid", kid);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(header)) + ".."
                + parts[2];
    }
}
