package org.kindred.journal.evidence;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;

/** Evidence test helpers, through the HTTP API; signing here is written from the RFCs, not with the service's code. */
final class Evidence {

    static final String ENTRIES = "/api/v1/me/journal/entries";
    static final String EXPORT = "/api/v1/me/journal/export";
    static final String VERIFY = "/api/v1/evidence/verify";
    static final String KEYS = "/api/v1/evidence/keys";
    static final String ACTIVE_KID = "2026-06-01";
    static final String RETIRED_KID = "2026-01-01";
    static final ObjectMapper JSON = new ObjectMapper();

    private Evidence() {
    }

    static Map<String, Object> incident(String whatHappened, String date) {
        Map<String, Object> body = new HashMap<>();
        body.put("whatHappened", whatHappened);
        body.put("date", date);
        body.put("time", "14:30");
        body.put("timeZone", "Europe/London");
        body.put("place", "Office, third floor");
        body.put("whoWasInvolved", "My line manager");
        body.put("witnesses", "Two colleagues");
        body.put("grounds", List.of("RELIGION_BELIEF", "RACE_ETHNICITY"));
        body.put("area", "WORK");
        body.put("impact", "Could not sleep for a week");
        body.put("actionsTaken", "Emailed HR");
        return body;
    }

    static String record(TestAccount who, String whatHappened, String date) {
        return Api.as(who).body(incident(whatHappened, date)).post(ENTRIES).then().statusCode(201).extract()
                .path("id");
    }

    static void edit(TestAccount who, String entryId, Map<String, Object> patch) {
        Api.as(who).body(patch).patch(ENTRIES + "/" + entryId).then().statusCode(200);
    }

    /** The export with {@code ?format=signed}: {document, signature}. */
    static ObjectNode signed(TestAccount who) throws Exception {
        String body = Api.as(who).queryParam("format", "signed").get(EXPORT).then().statusCode(200).extract()
                .asString();
        return (ObjectNode) JSON.readTree(body);
    }

    static Response verify(Object body) {
        return Api.anonymous().body(body).post(VERIFY).then().extract().response();
    }

    static Response verify(JsonNode document, String signature) throws Exception {
        return verify(JSON.writeValueAsString(Map.of("document", document, "signature", signature)));
    }

    /** A detached JWS (RFC 7515 Appendix F, RFC 8037) over the payload, with the test's own code. */
    static String sign(byte[] payload, String kid, PrivateKey key) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update((header + "." + b64.encodeToString(payload)).getBytes(StandardCharsets.US_ASCII));
        return header + ".." + b64.encodeToString(signer.sign());
    }

    /** The retired test key's private half, kept outside the service's key directory. */
    static PrivateKey retiredPrivateKey() throws Exception {
        String pem = Files.readString(Path.of("src/test/resources/evidence-keys-retired/2026-01-01.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
