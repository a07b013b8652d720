package org.kindred.pathways;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Complaint pathways and deadlines through HTTP, as a client without an account sees them. */
@QuarkusTest
class PathwaysTest {

    private static final String LIST = "/api/v1/pathways";
    private static final String DEADLINES = "/api/v1/pathways/deadlines";

    @Test
    void theListIsFilteredByCountrySubdivisionAreaAndBasisNationalPathwaysFirst() {
        Api.anonymous().queryParam("country", "US").queryParam("subdivision", "US-CA").get(LIST).then()
                .statusCode(200).header("Cache-Control", "public, max-age=300").header("ETag", notNullValue())
                .body("items.id", equalTo(List.of("us-eeoc-charge", "us-hud-fair-housing", "us-ca-crd-employment",
                        "us-ca-crd-housing-services")));
        // a subdivision alone implies its country
        Api.anonymous().queryParam("subdivision", "GB-SCT").get(LIST).then().statusCode(200)
                .body("items.id", equalTo(List.of("gb-sct-employment-tribunal", "gb-sct-sheriff-court")));
        Api.anonymous().queryParam("country", "US").get(LIST).then().statusCode(200)
                .body("items.id", hasItems("us-ny-dhr-employment", "us-ca-crd-employment", "us-eeoc-charge"));
        Api.anonymous().queryParam("country", "GB").queryParam("subdivision", "GB-ENG").queryParam("area", "HOUSING")
                .queryParam("basis", "DISABILITY").get(LIST).then().statusCode(200)
                .body("items.id", equalTo(List.of("gb-ew-county-court")));
        Api.anonymous().queryParam("area", "ONLINE").get(LIST).then().statusCode(200)
                .body("items.id", hasItems("au-ahrc-complaint", "fr-online-hate-speech"))
                .body("items.areas", everyItem(hasItem("ONLINE")));
        Api.anonymous().queryParam("country", "DE").queryParam("basis", "CASTE_CLASS").get(LIST).then()
                .statusCode(200).body("items", empty());
        Api.anonymous().queryParam("country", "AQ").get(LIST).then().statusCode(200).body("items", empty());
        Response all = Api.anonymous().get(LIST).then().statusCode(200).extract().response();
        List<String> countries = all.path("items.country");
        assertTrue(countries.containsAll(List.of("US", "GB", "IE", "CA", "AU", "DE", "FR")), countries.toString());
        all.then().body("items.notLegalAdvice", everyItem(containsString("not legal advice")))
                .body("items.source", everyItem(notNullValue())).body("items.checked", everyItem(notNullValue()))
                .body("items.verified", everyItem(equalTo(false)));
    }

    @Test
    void aClientsCurrentCopyIsNotModified() {
        String etag = Api.anonymous().queryParam("country", "IE").get(LIST).then().statusCode(200).extract()
                .header("ETag");
        Api.anonymous().queryParam("country", "IE").header("If-None-Match", etag).get(LIST).then().statusCode(304);
        Api.anonymous().queryParam("country", "FR").header("If-None-Match", etag).get(LIST).then().statusCode(200);
        String one = Api.anonymous().get(LIST + "/ie-wrc-equal-status").then().statusCode(200).extract()
                .header("ETag");
        Api.anonymous().header("If-None-Match", one).get(LIST + "/ie-wrc-equal-status").then().statusCode(304);
    }

    @Test
    void onePathwayShowsItsBodyStepsAndRulesAsData() {
        Api.anonymous().get(LIST + "/gb-ew-employment-tribunal").then().statusCode(200)
                .header("Cache-Control", "public, max-age=300")
                .body("country", equalTo("GB")).body("subdivisions", equalTo(List.of("GB-ENG", "GB-WLS")))
                .body("body.resourceKey", equalTo("gb-acas")).body("body.url", containsString("acas.org.uk"))
                .body("steps[1]", containsString("ACAS"))
                .body("deadlines[0].period.amount", equalTo(3)).body("deadlines[0].period.unit", equalTo("MONTHS"))
                .body("deadlines[0].lessOneDay", equalTo(true)).body("deadlines[0].from", equalTo("LAST_ACT"))
                .body("deadlines[0].pause", containsString("early conciliation"))
                .body("source", equalTo("https://www.acas.org.uk/early-conciliation"))
                .body("checked", equalTo("2026-12-05")).body("verified", equalTo(false))
                .body("notLegalAdvice", containsString("not legal advice"));
        // a body the library gained for the pathways: its name and URL are the library resource's
        Api.anonymous().get(LIST + "/au-fwc-general-protections-dismissal").then().statusCode(200)
                .body("body.resourceKey", equalTo("au-fair-work-commission"))
                .body("body.name", equalTo("Fair Work Commission: general protections applications"))
                .body("body.url", equalTo("https://www.fwc.gov.au/"));
        Api.anonymous().queryParam("q", "Fair Work Commission").get("/api/v1/resources").then().statusCode(200)
                .body("items.url", org.hamcrest.Matchers.hasItem("https://www.fwc.gov.au/"));
    }

    @Test
    void anUnknownOrOversizedIdIsRefused() {
        assertProblem(Api.anonymous().get(LIST + "/no-such-pathway").then(), 404, "not-found");
        assertFieldError(Api.anonymous().get(LIST + "/" + "a".repeat(81)).then(), "pathwayId");
    }

    @Test
    void deadlinesAreComputedEarliestFirstWithExplanationsAndConditionalExtensions() {
        Response response = deadlines(Map.of("country", "US", "subdivision", "US-CA", "area", "WORK", "basis",
                "RACE_ETHNICITY", "incidentDate", "2026-03-02")).statusCode(200).header("Cache-Control", "no-store")
                .body("incidentDate", equalTo("2026-03-02")).body("lastActDate", equalTo(null))
                .body("pausedDays", equalTo(0)).body("timeZone", equalTo("UTC"))
                .body("notLegalAdvice", containsString("not legal advice"))
                .body("items.pathwayId", equalTo(List.of("us-eeoc-charge", "us-ca-crd-employment")))
                .body("items[0].deadlineId", equalTo("charge")).body("items[0].date", equalTo("2026-08-31"))
                .body("items[0].explanation", equalTo("180 days from 2026-03-02 = 2026-08-29 (a Saturday: moved to the "
                        + "next working day, 2026-08-31; public holidays are not considered)"))
                .body("items[0].extensions[0].date", equalTo("2026-12-28"))
                .body("items[0].extensions[0].explanation", containsString("300 days from 2026-03-02"))
                .body("items[0].extensions[0].condition", containsString("state or local agency"))
                .body("items[0].body.resourceKey", equalTo("us-eeoc"))
                .body("items[0].notLegalAdvice", containsString("not legal advice"))
                .body("items[0].source", equalTo("https://www.eeoc.gov/time-limits-filing-charge"))
                .body("items[1].date", equalTo("2029-03-02"))
                .body("items[1].explanation", equalTo("3 years from 2026-03-02 = 2029-03-02")).extract().response();
        LocalDate today = LocalDate.parse(response.path("today"));
        assertEquals(ChronoUnit.DAYS.between(today, LocalDate.parse("2026-08-31")),
                ((Number) response.path("items[0].daysLeft")).longValue());
        assertEquals(ChronoUnit.DAYS.between(today, LocalDate.parse("2026-12-28")),
                ((Number) response.path("items[0].extensions[0].daysLeft")).longValue());
        assertEquals(today.isAfter(LocalDate.parse("2026-08-31")), response.path("items[0].passed"));
    }

    @Test
    void aContinuingCourseAndEarlyConciliationMoveTheTribunalDeadline() {
        deadlines(Map.of("country", "GB", "subdivision", "GB-ENG", "area", "WORK", "incidentDate", "2026-01-10",
                "lastActDate", "2026-03-02", "pausedDays", "14")).statusCode(200)
                .body("items.pathwayId", equalTo(List.of("gb-ew-employment-tribunal")))
                .body("items[0].date", equalTo("2026-06-15"))
                .body("items[0].explanation", equalTo("3 months from the last act on 2026-03-02 = 2026-06-02, less one "
                        + "day = 2026-06-01, plus 14 days paused = 2026-06-15"))
                .body("items[0].extensions[0].date", equalTo(null))
                .body("items[0].extensions[0].explanation", containsString("No fixed date"));
        // services: the county court's six months less one day, not paused by ACAS (its rule has no pause)
        deadlines(Map.of("country", "GB", "subdivision", "GB-WLS", "area", "SERVICES", "incidentDate", "2026-08-31",
                "pausedDays", "14")).statusCode(200).body("items[0].pathwayId", equalTo("gb-ew-county-court"))
                .body("items[0].date", equalTo("2027-02-27"))
                .body("items[0].extensions[0].date", equalTo("2027-05-30"));
        // two deadlines of one pathway, each listed
        deadlines(Map.of("country", "IE", "area", "SERVICES", "incidentDate", "2026-03-31")).statusCode(200)
                .body("items.deadlineId", equalTo(List.of("notify", "complaint")))
                .body("items.date", equalTo(List.of("2026-05-31", "2026-09-30")));
    }

    @Test
    void daysLeftCountFromTodayInTheMembersTimeZone() {
        Map<String, String> query = Map.of("country", "AU", "area", "WORK", "incidentDate", "2020-01-01");
        Response east = deadlines(with(query, "timeZone", "Pacific/Kiritimati")).statusCode(200)
                .body("timeZone", equalTo("Pacific/Kiritimati")).extract().response();
        Response west = deadlines(with(query, "timeZone", "Pacific/Pago_Pago")).statusCode(200).extract().response();
        // UTC+14 and UTC-11 are never on the same date
        assertNotEquals(east.<String>path("today"), west.<String>path("today"));
        long eastLeft = ((Number) east.path("items[0].daysLeft")).longValue();
        long westLeft = ((Number) west.path("items[0].daysLeft")).longValue();
        assertEquals(1, westLeft - eastLeft);
        east.then().body("items[0].pathwayId", equalTo("au-fwc-general-protections-dismissal"))
                .body("items[0].date", equalTo("2020-01-22")).body("items[0].passed", equalTo(true));
        assertTrue(eastLeft < 0);
    }

    @Test
    void anIncidentInTheFutureOrDatesOutOfOrderAre422() {
        assertProblem(deadlines(Map.of("country", "GB", "incidentDate", "2999-01-01")), 422, "date-in-future")
                .body("field", equalTo("incidentDate"));
        assertProblem(deadlines(Map.of("country", "GB", "incidentDate", "2026-03-02", "lastActDate", "2999-01-01")),
                422, "date-in-future").body("field", equalTo("lastActDate"));
        assertProblem(deadlines(Map.of("country", "GB", "incidentDate", "2026-03-02", "lastActDate", "2026-03-01")),
                422, "dates-out-of-order").body("field", equalTo("lastActDate"));
    }

    @Test
    void badInputIsA400NamingTheParameter() {
        Map<String, String> ok = Map.of("country", "GB", "incidentDate", "2026-03-02");
        assertFieldError(deadlines(Map.of("country", "GB")), "incidentDate");
        assertFieldError(deadlines(Map.of("incidentDate", "2026-03-02")), "country");
        assertFieldError(deadlines(with(ok, "incidentDate", "02/03/2026")), "incidentDate");
        assertFieldError(deadlines(with(ok, "incidentDate", "2026-02-30")), "incidentDate");
        assertFieldError(deadlines(with(ok, "incidentDate", "2".repeat(11))), "incidentDate");
        assertFieldError(deadlines(with(ok, "lastActDate", "yesterday")), "lastActDate");
        assertFieldError(deadlines(with(ok, "area", "SPACE")), "area");
        assertFieldError(deadlines(with(ok, "basis", "HAIR_COLOUR")), "basis");
        assertFieldError(deadlines(with(ok, "pausedDays", "abc")), "pausedDays");
        assertFieldError(deadlines(with(ok, "pausedDays", "-1")), "pausedDays");
        assertFieldError(deadlines(with(ok, "pausedDays", "3661")), "pausedDays");
        assertFieldError(deadlines(with(ok, "timeZone", "Mars/Olympus_Mons")), "timeZone");
        assertFieldError(deadlines(with(ok, "timeZone", "a".repeat(65))), "timeZone");
        assertFieldError(deadlines(with(ok, "country", "gb")), "country");
        assertFieldError(deadlines(with(ok, "country", "GBR")), "country");
        assertFieldError(deadlines(with(ok, "subdivision", "US-CA")), "subdivision");
        assertFieldError(deadlines(with(ok, "subdivision", "GB-SCOTLAND")), "subdivision");

        assertFieldError(list(Map.of("area", "SPACE")), "area");
        assertFieldError(list(Map.of("basis", "race")), "basis");
        assertFieldError(list(Map.of("country", "G1")), "country");
        assertFieldError(list(Map.of("country", "GBR")), "country");
        assertFieldError(list(Map.of("subdivision", "SCT")), "subdivision");
        assertFieldError(list(Map.of("subdivision", "GB-SCT-X")), "subdivision");
        assertFieldError(list(Map.of("country", "US", "subdivision", "GB-SCT")), "subdivision")
                .body("errors.message", hasItem(containsString("subdivision of US")));
        list(Map.of("area", "SPACE")).body(not(containsString("org.kindred")));
    }

    private static ValidatableResponse deadlines(Map<String, String> query) {
        return Api.anonymous().queryParams(query).get(DEADLINES).then();
    }

    private static ValidatableResponse list(Map<String, String> query) {
        return Api.anonymous().queryParams(query).get(LIST).then();
    }

    private static Map<String, String> with(Map<String, String> query, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(query);
        copy.put(key, value);
        return copy;
    }
}
