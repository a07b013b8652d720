package org.kindred.journal;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.journal.Journals.ENTRIES;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The incident journal through the HTTP API: record, read, edit with history, delete, and nobody else's. */
@QuarkusTest
class JournalEntriesTest {

    TestAccount member;
    TestAccount other;

    @BeforeEach
    void accounts() {
        member = Api.register("jrmem");
        other = Api.register("jroth");
    }

    @Test
    void anEntryIsRecordedWithServerTimesAndReadBackWhole() {
        Response created = Journals.create(member, "My manager said people like me do not fit client work.");
        String id = created.path("id");
        assertEquals("/api/v1/me/journal/entries/" + id, java.net.URI.create(created.header("Location")).getPath());
        assertEquals("\"1\"", created.header("ETag"));
        Api.as(member).get(ENTRIES + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("version", equalTo(1))
                .body("incident.whatHappened", equalTo("My manager said people like me do not fit client work."))
                .body("incident.date", equalTo("2026-03-02")).body("incident.time", equalTo("14:30"))
                .body("incident.timeZone", equalTo("Europe/London"))
                .body("incident.grounds", equalTo(List.of("RACE_ETHNICITY", "RELIGION_BELIEF")))
                .body("incident.area", equalTo("WORK")).body("incident.impact", equalTo("Could not sleep for a week"))
                .body("hash", matchesPattern("^[0-9a-f]{64}$")).body("createdAt", equalTo(created.path("createdAt")))
                .body("revisions.version", equalTo(List.of(1)));
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        Api.as(member).body(Map.of("whatHappened", "Refused a flat viewing.", "date", "2026-01-10", "area", "HOUSING"))
                .post(ENTRIES).then().statusCode(201).body("incident.time", nullValue())
                .body("incident.timeZone", nullValue()).body("incident.place", nullValue())
                .body("incident.grounds", equalTo(List.of())).body("revisions", equalTo(List.of()));
    }

    @Test
    void anEditAppendsARevisionAndTheOriginalStays() {
        String id = Journals.createId(member, "He said it twice.");
        Response edited = Api.as(member).header("If-Match", "\"1\"")
                .body(Map.of("whatHappened", "He said it three times.", "place", "Canteen"))
                .patch(ENTRIES + "/" + id).then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2))
                .body("incident.whatHappened", equalTo("He said it three times."))
                .body("incident.witnesses", equalTo("Two colleagues")).extract().response();
        Api.as(member).contentType("application/merge-patch+json").body(Map.of("time", (Object) "09:15"))
                .patch(ENTRIES + "/" + id).then().statusCode(200).body("version", equalTo(3));
        Response full = Api.as(member).get(ENTRIES + "/" + id).then().statusCode(200).extract().response();
        assertEquals(List.of(1, 2, 3), full.path("revisions.version"));
        assertEquals("He said it twice.", full.path("revisions[0].incident.whatHappened"));
        assertEquals("Office, third floor", full.path("revisions[0].incident.place"));
        assertEquals("Canteen", full.path("revisions[1].incident.place"));
        assertEquals("09:15", full.path("incident.time"));
        assertEquals((String) edited.path("hash"), full.path("revisions[1].hash"));
        assertNotEquals((String) full.path("revisions[0].hash"), full.path("revisions[1].hash"));

        // Clearing an optional field with null; the same patch again records nothing.
        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put("witnesses", null);
        Api.as(member).body(clear).patch(ENTRIES + "/" + id).then().statusCode(200).body("version", equalTo(4))
                .body("incident.witnesses", nullValue());
        Api.as(member).body(clear).patch(ENTRIES + "/" + id).then().statusCode(200).body("version", equalTo(4));
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String id = Journals.createId(member, "Original words.");
        Api.as(member).body(Map.of("impact", "Worse now")).patch(ENTRIES + "/" + id).then().statusCode(200);
        assertProblem(Api.as(member).header("If-Match", "\"1\"").body(Map.of("impact", "Lost"))
                .patch(ENTRIES + "/" + id).then(), 412, "precondition-failed");
        Api.as(member).get(ENTRIES + "/" + id).then().body("version", equalTo(2))
                .body("incident.impact", equalTo("Worse now"));
    }

    @Test
    void anotherMembersEntryIsNotFoundForEveryOperation() {
        String id = Journals.createId(member, "Private words.");
        assertProblem(Api.as(other).get(ENTRIES + "/" + id).then(), 404, "not-found");
        assertProblem(Api.as(other).body(Map.of("impact", "x")).patch(ENTRIES + "/" + id).then(), 404, "not-found");
        assertProblem(Api.as(other).delete(ENTRIES + "/" + id).then(), 404, "not-found");
        Api.as(other).get(ENTRIES).then().statusCode(200).body("items", equalTo(List.of()));
        assertProblem(Api.as(member).get(ENTRIES + "/" + java.util.UUID.randomUUID()).then(), 404, "not-found");
        Api.as(member).get(ENTRIES + "/" + id).then().statusCode(200).body("incident.whatHappened",
                equalTo("Private words."));
        Api.anonymous().get(ENTRIES + "/" + id).then().statusCode(401);
        Api.anonymous().get(ENTRIES).then().statusCode(401);
    }

    @Test
    void deletedEntriesAreGoneButTheChainKeepsItsLength() {
        String keep = Journals.createId(member, "Keep me.");
        String gone = Journals.createId(member, "Delete me.");
        Api.as(member).delete(ENTRIES + "/" + gone).then().statusCode(204);
        assertProblem(Api.as(member).get(ENTRIES + "/" + gone).then(), 404, "not-found");
        assertProblem(Api.as(member).delete(ENTRIES + "/" + gone).then(), 404, "not-found");
        Api.as(member).get(ENTRIES).then().body("items.id", equalTo(List.of(keep)));
        Api.as(member).get("/api/v1/me/journal").then().statusCode(200).body("entries", equalTo(1))
                .body("chainLength", equalTo(2)).body("chainHead", matchesPattern("^[0-9a-f]{64}$"));
        assertEquals(0,
                Api.count("SELECT count(*) FROM journal_revisions WHERE entry_id = ?::uuid AND content IS NOT NULL",
                        gone));
    }

    @Test
    void theListPagesNewestFirstWithACursor() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Journals.createId(member, "Entry " + i));
        }
        Response first = Api.as(member).queryParam("limit", 2).get(ENTRIES).then().statusCode(200).extract()
                .response();
        assertEquals(List.of(ids.get(2), ids.get(1)), first.path("items.id"));
        assertTrue(first.header("Link").contains("rel=\"next\""));
        Response second = Api.as(member).queryParam("limit", 2).queryParam("cursor", (String) first.path("nextCursor"))
                .get(ENTRIES).then().statusCode(200).extract().response();
        assertEquals(List.of(ids.get(0)), second.path("items.id"));
        assertNull(second.path("nextCursor"));
        assertEquals(List.of(), second.path("items[0].revisions"));
        assertProblem(Api.as(member).queryParam("limit", 101).get(ENTRIES).then(), 400, "validation");
        assertProblem(Api.as(other).queryParam("cursor", (String) first.path("nextCursor")).get(ENTRIES).then(), 400,
                "validation");
    }

    @Test
    void datesInTheFutureAreRefusedWith422() {
        Map<String, Object> body = Journals.body("Tomorrow's incident");
        body.put("date", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString());
        body.remove("timeZone");
        assertProblem(Api.as(member).body(body).post(ENTRIES).then(), 422, "date-in-future");

        ZonedDateTime later = ZonedDateTime.now(java.time.ZoneId.of("Pacific/Kiritimati")).plusHours(2);
        if (later.toLocalDate().equals(LocalDate.now(java.time.ZoneId.of("Pacific/Kiritimati")))) {
            body.put("date", later.toLocalDate().toString());
            body.put("time", later.toLocalTime().toString().substring(0, 5));
            body.put("timeZone", "Pacific/Kiritimati");
            assertProblem(Api.as(member).body(body).post(ENTRIES).then(), 422, "date-in-future");
        }
        String id = Journals.createId(member, "A real one");
        assertProblem(Api.as(member).body(Map.of("date", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString()))
                .patch(ENTRIES + "/" + id).then(), 422, "date-in-future");
        Api.as(member).get(ENTRIES).then().body("items.size()", equalTo(1));
    }

    @Test
    void badInputIsRefusedWithAProblemAndNothingIsWritten() {
        Map<String, Object> missing = Journals.body("x");
        missing.remove("whatHappened");
        assertFieldError(Api.as(member).body(missing).post(ENTRIES).then(), "whatHappened");
        Map<String, Object> unknownArea = Journals.body("x");
        unknownArea.put("area", "SPACE");
        assertProblem(Api.as(member).body(unknownArea).post(ENTRIES).then(), 400, "validation");
        Map<String, Object> longPlace = Journals.body("x");
        longPlace.put("place", "p".repeat(201));
        assertFieldError(Api.as(member).body(longPlace).post(ENTRIES).then(), "place");
        Map<String, Object> longText = Journals.body("w".repeat(10001));
        assertFieldError(Api.as(member).body(longText).post(ENTRIES).then(), "whatHappened");
        Map<String, Object> zone = Journals.body("x");
        zone.put("timeZone", "Mars/Olympus");
        assertFieldError(Api.as(member).body(zone).post(ENTRIES).then(), "timeZone");
        Map<String, Object> time = Journals.body("x");
        time.put("time", "25:00");
        assertFieldError(Api.as(member).body(time).post(ENTRIES).then(), "time");
        Map<String, Object> date = Journals.body("x");
        date.put("date", "2026-02-30");
        assertProblem(Api.as(member).body(date).post(ENTRIES).then(), 400, "validation");
        date.put("date", 20260202);
        assertProblem(Api.as(member).body(date).post(ENTRIES).then(), 400, "validation");
        date.put("date", "1899-12-31");
        assertFieldError(Api.as(member).body(date).post(ENTRIES).then(), "date");
        Map<String, Object> extra = Journals.body("x");
        extra.put("accountId", other.id().toString());
        assertProblem(Api.as(member).body(extra).post(ENTRIES).then(), 400, "validation");
        assertProblem(Api.as(member).body("{\"whatHappened\": ").post(ENTRIES).then(), 400, "malformed-json");
        Api.as(member).get(ENTRIES).then().body("items", equalTo(List.of()));

        String id = Journals.createId(member, "Valid");
        java.util.HashMap<String, Object> nulled = new java.util.HashMap<>();
        nulled.put("whatHappened", null);
        assertFieldError(Api.as(member).body(nulled).patch(ENTRIES + "/" + id).then(), "whatHappened");
        assertFieldError(Api.as(member).body(Map.of("place", "p".repeat(201))).patch(ENTRIES + "/" + id).then(),
                "place");
        assertProblem(Api.as(member).get(ENTRIES + "/not-a-uuid").then(), 400, "validation");
        Api.as(member).get(ENTRIES + "/" + id).then().body("version", equalTo(1)).body("revisions.version",
                hasItem(1));
    }
}
