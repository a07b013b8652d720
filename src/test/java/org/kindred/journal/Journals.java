package org.kindred.journal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.restassured.response.Response;

/** Journal helpers for tests, through the HTTP API. */
final class Journals {

    static final String ENTRIES = "/api/v1/me/journal/entries";

    private Journals() {
    }

    static Map<String, Object> body(String whatHappened) {
        Map<String, Object> body = new HashMap<>();
        body.put("whatHappened", whatHappened);
        body.put("date", "2026-03-02");
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

    static Response create(TestAccount who, String whatHappened) {
        return Api.as(who).body(body(whatHappened)).post(ENTRIES).then().statusCode(201).extract().response();
    }

    static String createId(TestAccount who, String whatHappened) {
        return create(who, whatHappened).path("id");
    }
}
