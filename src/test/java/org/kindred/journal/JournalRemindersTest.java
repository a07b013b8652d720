package org.kindred.journal;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.journal.Journals.ENTRIES;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Deadlines of a journal entry and opt-in reminders before them, through the HTTP API; the reminder worker is run
 * as of chosen moments, and what arrives is read from the member's inbox.
 */
@QuarkusTest
class JournalRemindersTest {

    static final String INBOX = "/api/v1/me/notifications";
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    JournalReminders worker;

    TestAccount member;
    TestAccount other;
    String entry;
    LocalDate incident;

    @BeforeEach
    void setUp() {
        member = Api.register("jrrem");
        other = Api.register("jroth");
        incident = LocalDate.now(LONDON).minusDays(10);
        entry = createEntry(member, incident);
    }

    static String createEntry(TestAccount who, LocalDate date) {
        Map<String, Object> body = Journals.body("They refused to serve me because of my headscarf.");
        body.put("date", date.toString());
        body.put("time", null);
        return Api.as(who).body(body).post(ENTRIES).then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> plan() {
        Map<String, Object> plan = new HashMap<>();
        plan.put("country", "GB");
        plan.put("subdivision", "GB-ENG");
        plan.put("timeZone", "Europe/London");
        return plan;
    }

    String reminders(String id) {
        return ENTRIES + "/" + id + "/reminders";
    }

    @Test
    void anEntrysDeadlinesAreThoseOfThePublicEndpointForItsDateAreaAndGrounds() {
        Response mine = Api.as(member).queryParam("country", "GB").queryParam("subdivision", "GB-ENG")
                .get(ENTRIES + "/" + entry + "/deadlines").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().response();
        List<Map<String, Object>> items = mine.path("items");
        assertFalse(items.isEmpty(), "an incident at work in England has a tribunal deadline");
        assertTrue(items.stream().anyMatch(i -> "gb-ew-employment-tribunal".equals(i.get("pathwayId"))));
        assertEquals(incident.toString(), mine.path("incidentDate"));
        assertEquals("Europe/London", mine.path("timeZone"), "the entry's time zone by default");

        Response same = Api.anonymous().queryParam("country", "GB").queryParam("subdivision", "GB-ENG")
                .queryParam("area", "WORK").queryParam("incidentDate", incident.toString())
                .queryParam("timeZone", "Europe/London").get("/api/v1/pathways/deadlines").then().statusCode(200)
                .extract().response();
        List<Map<String, Object>> union = new ArrayList<>();
        for (String basis : List.of("RACE_ETHNICITY", "RELIGION_BELIEF")) {
            List<Map<String, Object>> found = Api.anonymous().queryParam("country", "GB")
                    .queryParam("subdivision", "GB-ENG").queryParam("area", "WORK").queryParam("basis", basis)
                    .queryParam("incidentDate", incident.toString()).queryParam("timeZone", "Europe/London")
                    .get("/api/v1/pathways/deadlines").then().statusCode(200).extract().path("items");
            found.stream().filter(f -> !union.contains(f)).forEach(union::add);
        }
        assertEquals(ids(union), ids(items), "a pathway covering any of the entry's grounds applies");
        assertTrue(ids(same.path("items")).containsAll(ids(items)));
    }

    private static TreeSet<String> ids(List<Map<String, Object>> items) {
        TreeSet<String> ids = new TreeSet<>();
        items.forEach(i -> ids.add(i.get("pathwayId") + "/" + i.get("deadlineId") + "@" + i.get("date")));
        return ids;
    }

    @Test
    void remindersAreOptInAndFallThirtySevenAndOneDaysBeforeEachDeadlineAtNineInTheMorning() {
        Api.as(member).get(reminders(entry)).then().statusCode(404);
        Response set = Api.as(member).body(plan()).put(reminders(entry)).then().statusCode(200)
                .body("entryId", equalTo(entry)).body("plan.country", equalTo("GB"))
                .body("plan.subdivision", equalTo("GB-ENG")).extract().response();
        assertNotNull(set.header("ETag"));
        List<Map<String, Object>> items = set.path("reminders");
        TreeSet<LocalDate> deadlines = futureDeadlines();
        assertFalse(deadlines.isEmpty());
        assertEquals(deadlines.size() * 3, items.size(), "three reminders per deadline: " + items);
        for (Map<String, Object> r : items) {
            LocalDate deadline = LocalDate.parse((String) r.get("deadline"));
            int before = (Integer) r.get("daysBefore");
            assertTrue(List.of(30, 7, 1).contains(before));
            assertTrue(deadlines.contains(deadline));
            var at = Instant.parse((String) r.get("at")).atZone(LONDON);
            assertEquals(deadline.minusDays(before), at.toLocalDate());
            assertEquals(LocalTime.of(9, 0), at.toLocalTime());
            assertNull(r.get("sentAt"));
        }
        Api.as(member).get(reminders(entry)).then().statusCode(200).header("ETag", set.header("ETag"))
                .body("reminders.size()", equalTo(items.size()));
    }

    private TreeSet<LocalDate> futureDeadlines() {
        List<String> dates = Api.as(member).queryParam("country", "GB").queryParam("subdivision", "GB-ENG")
                .get(ENTRIES + "/" + entry + "/deadlines").then().statusCode(200).extract().path("items.date");
        TreeSet<LocalDate> future = new TreeSet<>();
        LocalDate today = LocalDate.now(LONDON);
        dates.stream().map(LocalDate::parse).filter(d -> !d.isBefore(today)).forEach(future::add);
        return future;
    }

    @Test
    void aDueReminderArrivesAsAContentFreeNotificationOnceAndSaysTheDaysActuallyLeft() {
        List<Map<String, Object>> items = Api.as(member).body(plan()).put(reminders(entry)).then().statusCode(200)
                .extract().path("reminders");
        Map<String, Object> first = items.get(0);
        assertEquals(30, first.get("daysBefore"));
        Instant due = Instant.parse((String) first.get("at"));

        worker.runOnce(due.minusSeconds(60));
        assertEquals(0, deadlineNotices(member).size(), "nothing before it is due");

        worker.runOnce(due.plusSeconds(60));
        worker.runOnce(due.plusSeconds(120));
        List<Map<String, Object>> notices = deadlineNotices(member);
        assertEquals(1, notices.size(), "delivered once");
        Map<String, Object> notice = notices.get(0);
        assertEquals(entry, notice.get("journalEntryId"));
        assertEquals(30, notice.get("daysLeft"));
        for (String field : List.of("groupId", "threadId", "postId", "reportId", "outcome")) {
            assertNull(notice.get(field), field);
        }
        String raw = Api.as(member).get(INBOX).asString();
        for (String secret : List.of("headscarf", "GB", "tribunal", incident.toString())) {
            assertFalse(raw.contains(secret), "the inbox says nothing about the incident: " + secret);
        }
        Api.as(member).get(reminders(entry)).then().statusCode(200).body("reminders[0].sentAt",
                org.hamcrest.Matchers.notNullValue());

        // The 7-day reminder delivered two days late says 5 days; once the deadline passed nothing is sent.
        Map<String, Object> seven = items.stream().filter(r -> (Integer) r.get("daysBefore") == 7).findFirst()
                .orElseThrow();
        worker.runOnce(Instant.parse((String) seven.get("at")).plusSeconds(2 * 86400 + 60));
        assertTrue(deadlineNotices(member).stream().anyMatch(n -> Integer.valueOf(5).equals(n.get("daysLeft"))));
        int before = deadlineNotices(member).size();
        LocalDate last = LocalDate.parse((String) items.get(items.size() - 1).get("deadline"));
        worker.runOnce(last.plusDays(3).atStartOfDay(LONDON).toInstant());
        assertEquals(before, deadlineNotices(member).size(), "a passed deadline is not announced");
        assertEquals(0, Api.count("SELECT count(*) FROM journal_reminders WHERE entry_id = ? AND sent_at IS NULL",
                UUID.fromString(entry)));
    }

    @Test
    void aMemberWhoTurnedTheKindOffKeepsThePlanButHearsNothing() {
        String settings = "/api/v1/me/notification-settings";
        String etag = Api.as(member).get(settings).then().statusCode(200).extract().header("ETag");
        Map<String, Object> off = new HashMap<>(
                Map.of("disabledKinds", List.of("JOURNAL_DEADLINE"), "timeZone", "UTC"));
        off.put("quietHours", null);
        Api.as(member).header("If-Match", etag).body(off).put(settings).then().statusCode(200);
        List<Map<String, Object>> items = Api.as(member).body(plan()).put(reminders(entry)).then().statusCode(200)
                .extract().path("reminders");
        worker.runOnce(Instant.parse((String) items.get(0).get("at")).plusSeconds(60));
        assertEquals(0, deadlineNotices(member).size());
    }

    @Test
    void editingTheDateMovesTheRemindersNotYetSent() {
        List<String> before = Api.as(member).body(plan()).put(reminders(entry)).then().statusCode(200).extract()
                .path("reminders.deadline");
        String etag = Api.as(member).get(ENTRIES + "/" + entry).then().extract().header("ETag");
        Api.as(member).header("If-Match", etag).body(Map.of("date", incident.minusDays(7).toString()))
                .patch(ENTRIES + "/" + entry).then().statusCode(200);
        List<String> after = Api.as(member).get(reminders(entry)).then().statusCode(200).extract()
                .path("reminders.deadline");
        assertEquals(before.size(), after.size());
        assertEquals(LocalDate.parse(before.get(0)).minusDays(7), LocalDate.parse(after.get(0)),
                "a week earlier incident, a week earlier deadline");
    }

    @Test
    void turningRemindersOffOrDeletingTheEntryForgetsThemAndTheirNotifications() {
        List<Map<String, Object>> items = Api.as(member).body(plan()).put(reminders(entry)).then().statusCode(200)
                .extract().path("reminders");
        worker.runOnce(Instant.parse((String) items.get(0).get("at")).plusSeconds(60));
        assertEquals(1, deadlineNotices(member).size());
        Api.as(member).delete(reminders(entry)).then().statusCode(204);
        Api.as(member).get(reminders(entry)).then().statusCode(404);
        Api.as(member).delete(reminders(entry)).then().statusCode(404);
        assertEquals(0, deadlineNotices(member).size());

        Api.as(member).body(plan()).put(reminders(entry)).then().statusCode(200);
        Api.as(member).delete(ENTRIES + "/" + entry).then().statusCode(204);
        assertEquals(0, Api.count("SELECT count(*) FROM journal_reminders WHERE entry_id = ?", UUID.fromString(entry)));
        assertEquals(0, Api.count("SELECT count(*) FROM journal_reminder_plans WHERE entry_id = ?",
                UUID.fromString(entry)));
        Api.as(member).get(reminders(entry)).then().statusCode(404);
    }

    @Test
    void anotherMembersEntryIsNotFoundForEveryOperation() {
        Api.as(member).body(plan()).put(reminders(entry)).then().statusCode(200);
        assertProblem(Api.as(other).queryParam("country", "GB").get(ENTRIES + "/" + entry + "/deadlines").then(), 404,
                "not-found");
        assertProblem(Api.as(other).get(reminders(entry)).then(), 404, "not-found");
        assertProblem(Api.as(other).body(plan()).put(reminders(entry)).then(), 404, "not-found");
        assertProblem(Api.as(other).delete(reminders(entry)).then(), 404, "not-found");
        Api.as(member).get(reminders(entry)).then().statusCode(200).body("plan.country", equalTo("GB"));
        assertProblem(Api.as(member).body(plan()).put(reminders(UUID.randomUUID().toString())).then(), 404,
                "not-found");
        Api.anonymous().get(reminders(entry)).then().statusCode(401);
    }

    @Test
    void thePlanIsStoredEncrypted() {
        Map<String, Object> plan = plan();
        plan.put("lastActDate", incident.plusDays(3).toString());
        Api.as(member).body(plan).put(reminders(entry)).then().statusCode(200).body("plan.lastActDate",
                equalTo(incident.plusDays(3).toString()));
        assertEquals(0, Api.count("SELECT count(*) FROM journal_reminder_plans WHERE entry_id = ? "
                + "AND (strpos(encode(plan, 'escape'), 'GB-ENG') > 0 OR strpos(encode(plan, 'escape'), ?) > 0)",
                UUID.fromString(entry), incident.plusDays(3).toString()));
        assertEquals(1, Api.count("SELECT count(*) FROM journal_reminder_plans WHERE entry_id = ?",
                UUID.fromString(entry)));
    }

    @Test
    void ifMatchGuardsAChangedPlan() {
        String etag = Api.as(member).body(plan()).put(reminders(entry)).then().statusCode(200).extract()
                .header("ETag");
        Map<String, Object> paused = plan();
        paused.put("pausedDays", 14);
        String next = Api.as(member).header("If-Match", etag).body(paused).put(reminders(entry)).then()
                .statusCode(200).body("plan.pausedDays", equalTo(14)).extract().header("ETag");
        assertNotEquals(etag, next);
        assertProblem(Api.as(member).header("If-Match", etag).body(plan()).put(reminders(entry)).then(), 412,
                "precondition-failed");
        Api.as(member).get(reminders(entry)).then().body("plan.pausedDays", equalTo(14));
        String fresh = createEntry(member, incident);
        assertProblem(Api.as(member).header("If-Match", "*").body(plan()).put(reminders(fresh)).then(), 412,
                "precondition-failed");
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        String path = reminders(entry);
        assertFieldError(Api.as(member).body(Map.of("subdivision", "GB-ENG")).put(path).then(), "country");
        assertFieldError(Api.as(member).body(Map.of("country", "gb")).put(path).then(), "country");
        assertFieldError(Api.as(member).body(Map.of("country", "GBR")).put(path).then(), "country");
        assertFieldError(Api.as(member).body(Map.of("country", "GB", "pausedDays", -1)).put(path).then(), "pausedDays");
        assertFieldError(Api.as(member).body(Map.of("country", "GB", "pausedDays", 3661)).put(path).then(),
                "pausedDays");
        assertFieldError(Api.as(member).body(Map.of("country", "GB", "pausedDays", "ten")).put(path).then(),
                "pausedDays");
        assertFieldError(Api.as(member).body(Map.of("country", "GB", "timeZone", "Mars/Olympus")).put(path).then(),
                "timeZone");
        assertFieldError(Api.as(member).body(Map.of("country", "GB", "subdivision", "US-CA")).put(path).then(),
                "subdivision");
        assertFieldError(Api.as(member).body(Map.of("country", "GB", "timeZone", "x".repeat(65))).put(path).then(),
                "timeZone");
        assertFieldError(Api.as(member).body(Map.of("country", "GB", "lastActDate", "02/03/2026")).put(path).then(),
                "lastActDate");
        assertProblem(Api.as(member).contentType("application/json").body("{\"country\": \"GB\",").put(path).then(),
                400,
                "malformed-json");
        assertProblem(Api.as(member).contentType("text/plain").body("GB").put(path).then(), 415,
                "unsupported-media-type");
        assertProblem(Api.as(member)
                .body(Map.of("country", "GB", "lastActDate", LocalDate.now(LONDON).plusDays(3).toString())).put(path)
                .then(), 422, "date-in-future");
        assertProblem(Api.as(member)
                .body(Map.of("country", "GB", "lastActDate", incident.minusDays(1).toString())).put(path).then(), 422,
                "dates-out-of-order");
        Api.as(member).get(path).then().statusCode(404).body("detail", equalTo("No reminders are set for this entry"));
        assertEquals(0, Api.count("SELECT count(*) FROM journal_reminders WHERE entry_id = ?", UUID.fromString(entry)));

        String deadlines = ENTRIES + "/" + entry + "/deadlines";
        assertFieldError(Api.as(member).get(deadlines).then(), "country");
        assertFieldError(Api.as(member).queryParam("country", "XX1").get(deadlines).then(), "country");
        assertProblem(Api.as(member).queryParam("country", "GB").queryParam("pausedDays", "x").get(deadlines).then(),
                400, "validation");
        assertProblem(Api.as(member).queryParam("country", "GB").queryParam("lastActDate", "yesterday")
                .get(deadlines).then(), 400, "validation");
        assertProblem(Api.as(member).queryParam("country", "GB").get(ENTRIES + "/not-a-uuid/deadlines").then(), 400,
                "validation");
        Api.as(member).queryParam("country", "GB").get(deadlines).then().statusCode(200).body("lastActDate",
                nullValue());
    }

    private static List<Map<String, Object>> deadlineNotices(TestAccount who) {
        return Api.as(who).queryParam("kind", "JOURNAL_DEADLINE").get(INBOX).then().statusCode(200).extract()
                .path("items");
    }
}
