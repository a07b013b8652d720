package org.kindred.journal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Formatter;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.LogCapture;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The journal is private to its member — "not logs, not metrics labels": a member's whole journal life (entries with
 * distinctive words, an edit, an attachment, downloads, deadlines, reminders, both exports, the verifier, and the
 * failures a client causes: a future date, a wrong file type, another member's entry) runs with the prod JSON log
 * format and our code logging at DEBUG; then no log line and no line of {@code /q/metrics} holds any of those words,
 * the file's name, or an entry or attachment id (labels would carry them as path segments).
 */
@QuarkusTest
@TestProfile(JournalObservabilityPrivacyTest.ProdJsonLogs.class)
class JournalObservabilityPrivacyTest {

    /** As {@code JsonLogPrivacyTest}'s: the prod JSON format, our code at DEBUG. */
    public static class ProdJsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.console.json.enabled", "true",
                    "quarkus.log.category.\"org.kindred\".level", "DEBUG");
        }
    }

    private static final String ENTRIES = "/api/v1/me/journal/entries";

    @Test
    void noJournalContentOrIdReachesLogsOrMetrics() {
        String tag = Api.uniqueHandle("jobs");
        String what = "Zephyrine told me my accent was unprofessional " + tag;
        String place = "Quillborough depot loading bay " + tag;
        String who = "Supervisor Ormsby-Vantaggio " + tag;
        String witnesses = "Delphine Kwarteng-Aalto " + tag;
        String impact = "Sleepless over the Quillborough thing " + tag;
        String actions = "Wrote to Ombudsperson Fennimore " + tag;
        String fileName = "vantaggio-voicenote-" + tag + ".txt";
        String fileText = "Transcript: Ormsby-Vantaggio shouting " + tag;
        String edited = "Zephyrine repeated it at the Tuesday briefing " + tag;
        List<String> secrets = new ArrayList<>(
                List.of(what, place, who, witnesses, impact, actions, fileName, fileText, edited, tag));
        LocalDate date = LocalDate.now(ZoneOffset.UTC).minusDays(12);

        try (LogCapture logs = LogCapture.start()) {
            TestAccount member = Api.register("jobsmem");
            TestAccount other = Api.register("jobsoth");
            Map<String, Object> incident = new HashMap<>();
            incident.put("whatHappened", what);
            incident.put("date", date.toString());
            incident.put("timeZone", "Europe/London");
            incident.put("place", place);
            incident.put("whoWasInvolved", who);
            incident.put("witnesses", witnesses);
            incident.put("grounds", List.of("RACE_ETHNICITY"));
            incident.put("area", "WORK");
            incident.put("impact", impact);
            incident.put("actionsTaken", actions);
            String entry = Api.as(member).body(incident).post(ENTRIES).then().statusCode(201).extract().path("id");
            secrets.add(entry);
            Api.as(member).body(Map.of("whatHappened", edited)).patch(ENTRIES + "/" + entry).then().statusCode(200);
            String attachment = Api.as(member).contentType("application/octet-stream")
                    .body(fileText.getBytes(StandardCharsets.UTF_8)).queryParam("filename", fileName)
                    .post(ENTRIES + "/" + entry + "/attachments").then().statusCode(201).extract().path("id");
            secrets.add(attachment);

            Api.as(member).get(ENTRIES).then().statusCode(200);
            Api.as(member).get(ENTRIES + "/" + entry).then().statusCode(200);
            Api.as(member).get(ENTRIES + "/" + entry + "/attachments/" + attachment + "/content").then()
                    .statusCode(200);
            Api.as(member).queryParam("country", "GB").queryParam("subdivision", "GB-ENG")
                    .get(ENTRIES + "/" + entry + "/deadlines").then().statusCode(200);
            Api.as(member).body(Map.of("country", "GB", "subdivision", "GB-ENG", "timeZone", "Europe/London"))
                    .put(ENTRIES + "/" + entry + "/reminders").then().statusCode(200);
            String signed = Api.as(member).queryParam("format", "signed").get("/api/v1/me/journal/export").then()
                    .statusCode(200).extract().asString();
            Api.as(member).queryParam("format", "pdf").get("/api/v1/me/journal/export").then().statusCode(200);
            Api.anonymous().body(signed).post("/api/v1/evidence/verify").then().statusCode(200);
            Api.anonymous().body(signed.replace(witnesses, witnesses + "!")).post("/api/v1/evidence/verify").then()
                    .statusCode(200);

            // The failures a client causes, each carrying distinctive words.
            Map<String, Object> future = new HashMap<>(incident);
            future.put("date", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
            Api.as(member).body(future).post(ENTRIES).then().statusCode(422);
            Api.as(member).contentType("application/octet-stream").body(new byte[]{0x4d, 0x5a, 0x50, 0, 2, 0})
                    .queryParam("filename", fileName).post(ENTRIES + "/" + entry + "/attachments").then()
                    .statusCode(415);
            Api.as(other).get(ENTRIES + "/" + entry).then().statusCode(404);
            Api.as(other).body(Map.of("whatHappened", edited)).patch(ENTRIES + "/" + entry).then().statusCode(404);
            Api.as(other).get(ENTRIES + "/" + entry + "/attachments/" + attachment + "/content").then()
                    .statusCode(404);
            // A journal passphrase: set, used, guessed wrong, changed, sent malformed; neither it nor its encoding is logged.
            String passphrase = "Marzipan lighthouse " + tag;
            String wrong = "Marzipan lighthouses " + tag;
            String encoded = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(passphrase.getBytes(StandardCharsets.UTF_8));
            secrets.addAll(List.of(passphrase, wrong, encoded,
                    java.util.Base64.getUrlEncoder().withoutPadding()
                            .encodeToString(wrong.getBytes(StandardCharsets.UTF_8))));
            Api.as(member).body(Map.of("passphrase", passphrase, "acknowledgeLossIsPermanent", true))
                    .put("/api/v1/me/journal/passphrase").then().statusCode(200);
            Api.as(member).header("Kindred-Journal-Passphrase", encoded).get(ENTRIES + "/" + entry).then()
                    .statusCode(200);
            Api.as(member).get(ENTRIES + "/" + entry).then().statusCode(401);
            Api.as(member).header("Kindred-Journal-Passphrase", java.util.Base64.getUrlEncoder()
                    .encodeToString(wrong.getBytes(StandardCharsets.UTF_8))).get(ENTRIES + "/" + entry).then()
                    .statusCode(401);
            Api.as(member).body(Map.of("passphrase", wrong, "currentPassphrase", passphrase,
                    "acknowledgeLossIsPermanent", true)).put("/api/v1/me/journal/passphrase").then().statusCode(200);
            Api.as(member).body(Map.of("passphrase", "short " + tag.substring(0, 2), "acknowledgeLossIsPermanent",
                    false)).put("/api/v1/me/journal/passphrase").then().statusCode(400);
            Api.as(member).header("Kindred-Journal-Passphrase", "%" + passphrase).get(ENTRIES).then().statusCode(400);

            Formatter formatter = logs.consoleFormatter().orElseThrow();
            List<String> lines = logs.records().stream().map(formatter::format).toList();
            assertTrue(lines.size() >= 3, "the flow logs something to check: " + lines);
            for (String line : lines) {
                for (String secret : secrets) {
                    assertFalse(line.contains(secret), "a log line holds journal data (" + secret + "): " + line);
                }
            }
        }

        String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract()
                .asString();
        assertTrue(metrics.contains("uri=\"/api/v1/me/journal/entries/{entryId}\""),
                "the journal's requests are measured, by path template");
        for (String line : metrics.lines().toList()) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "a metrics line holds journal data (" + secret + "): " + line);
            }
        }
    }
}
