package org.kindred.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kindred.support.Api;
import org.kindred.support.LogCapture;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class SafetyResourceTest {

    static final String CHECK = "/api/v1/safety/check";

    TestAccount member;

    @BeforeEach
    void member() {
        member = Api.register("safety");
    }

    /** An account whose profile says it lives in {@code country}. */
    static TestAccount registerIn(String country) {
        String handle = Api.uniqueHandle("safe" + country.toLowerCase());
        Map<String, Object> body = new HashMap<>(Api.registration(handle));
        body.put("country", country);
        return Api.registerWith(body);
    }

    static Response check(TestAccount who, Map<String, ?> body) {
        return Api.as(who).body(body).post(CHECK).then().extract().response();
    }

    @Test
    void urgentLanguageAnswersWithTheCrisisLinesOfTheCountryAskedFor() {
        Response response = check(member,
                Map.of("text", "After the hearing today I want to kill myself.", "country", "GB",
                        "language", "en"));
        assertEquals(200, response.statusCode());
        response.then().contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("RateLimit-Policy", containsString("write"))
                .body("crisis", equalTo("URGENT"))
                .body("suggestedContentWarnings", contains("SELF_HARM"))
                .body("personalInfo", empty())
                .body("resourcesCountry", equalTo("GB"))
                .body("resourcesInternational", equalTo(false))
                .body("resources.title", hasItem("Samaritans"))
                .body("resources.type", everyItem(oneOf("CRISIS_LINE", "HELPLINE")))
                .body("resources.countries", everyItem(hasItem("GB")))
                // the wish to kill oneself; "today" in the same clause also reads as a time for it (the concept
                // layer's PLAN), which errs toward care
                .body("signals", hasItem("ACTIVE_IDEATION"))
                .body("signals", everyItem(oneOf("ACTIVE_IDEATION", "PLAN")))
                .body("language", equalTo("en"));
        assertEquals(Set.of("crisis", "personalInfo", "suggestedContentWarnings", "resources", "resourcesCountry",
                "resourcesInternational", "signals", "language"), response.jsonPath().getMap("$").keySet());
    }

    @Test
    void withoutACountryTheProfilesCountryIsUsedThenInternationalLines() {
        TestAccount inGermany = registerIn("DE");
        check(inGermany, Map.of("text", "Ich will mich umbringen.")).then().statusCode(200)
                .body("crisis", equalTo("URGENT"))
                .body("resourcesCountry", equalTo("DE"))
                .body("resourcesInternational", equalTo(false))
                .body("resources.title", hasItem("TelefonSeelsorge"));
        check(inGermany, Map.of("text", "Ich will mich umbringen.", "country", "GB")).then().statusCode(200)
                .body("resourcesCountry", equalTo("GB"));
        check(member, Map.of("text", "quiero suicidarme")).then().statusCode(200)
                .body("crisis", equalTo("URGENT"))
                .body("resourcesCountry", nullValue())
                .body("resourcesInternational", equalTo(true))
                .body("resources.countries", everyItem(contains("GLOBAL")))
                .body("resources", not(empty()));
    }

    @Test
    void signalsSayWhyAndTheLanguageIsDetectedWithoutAHint() {
        check(member,
                Map.of("text", "Ich habe meinen Abschiedsbrief geschrieben, heute Nacht nehme ich alle Tabletten."))
                .then().statusCode(200)
                .body("crisis", equalTo("URGENT"))
                .body("signals", hasItems("PREPARATION"))
                .body("language", equalTo("de"));
        check(member,
                Map.of("text", "He told me to go back to my country i just want to kill myself", "language", "en"))
                .then().statusCode(200)
                .body("crisis", equalTo("URGENT"));
        check(member, Map.of("text", "12345")).then().statusCode(200)
                .body("language", nullValue())
                .body("signals", empty());
    }

    @Test
    void concernAlsoGetsTheCrisisLines() {
        check(member, Map.of("text", "Nobody would miss me if I disappeared.", "country", "US")).then().statusCode(200)
                .body("crisis", equalTo("CONCERN"))
                .body("resourcesCountry", equalTo("US"))
                .body("resources.title", hasItem("988 Suicide & Crisis Lifeline"));
    }

    @Test
    void noneAnswersWithEmptyListsAndNoLines() {
        Response response = check(member,
                Map.of("text", "My landlord refused to rent to us once he heard my husband's name.",
                        "country", "GB"));
        response.then().statusCode(200)
                .body("crisis", equalTo("NONE"))
                .body("personalInfo", empty())
                .body("suggestedContentWarnings", empty())
                .body("resources", empty())
                .body("resourcesCountry", nullValue())
                .body("resourcesInternational", equalTo(false));
        response.then().body("signals", empty()).body("language", equalTo("en"));
        assertEquals(8, response.jsonPath().getMap("$").size(),
                "empty lists are [] and nulls are present, never missing");
    }

    @Test
    void negatedQuotedAndReportedWordsAreNotACrisisButStillGetAWarning() {
        check(member,
                Map.of("text",
                        "He told me to \"go kill yourself\". I would never kill myself, but I want to report him."))
                .then().statusCode(200)
                .body("crisis", equalTo("NONE"))
                .body("suggestedContentWarnings", contains("SELF_HARM"))
                .body("resources", empty());
    }

    @Test
    void personalInformationComesWithItsKindAndUtf16Offsets() {
        String text = "😢 Call me on +44 20 7946 0958 or write to maria.lopez@example.org, I live at 12 Baker Street.";
        Response response = check(member, Map.of("text", text));
        response.then().statusCode(200).body("crisis", equalTo("NONE"))
                .body("personalInfo.kind", contains("PHONE", "EMAIL", "ADDRESS"));
        List<Map<String, Object>> spans = response.jsonPath().getList("personalInfo");
        assertEquals(List.of("+44 20 7946 0958", "maria.lopez@example.org", "12 Baker Street"),
                spans.stream().map(s -> text.substring((Integer) s.get("start"), (Integer) s.get("end"))).toList());
    }

    @Test
    void theTextIsNeitherStoredNorLogged() {
        String secret = "Unique" + UUID.randomUUID().toString().replace("-", "");
        String text = "I want to kill myself tonight, " + secret + ", call me on 020 7946 0958.";
        long posts = Api.count("SELECT count(*) FROM posts");
        long reports = Api.count("SELECT count(*) FROM reports");
        try (LogCapture logs = LogCapture.start()) {
            check(member, Map.of("text", text, "country", "GB")).then().statusCode(200).body("crisis",
                    equalTo("URGENT"));
            check(member, Map.of("text", text + "x".repeat(10_001))).then().statusCode(400);
            for (ExtLogRecord record : logs.records()) {
                String line = record.getFormattedMessage() + " " + Arrays.toString(record.getParameters()) + " "
                        + record.getThrown();
                assertFalse(line.contains(secret) || line.contains("kill myself"), "logged the text: " + line);
            }
        }
        assertEquals(posts, Api.count("SELECT count(*) FROM posts"));
        assertEquals(reports, Api.count("SELECT count(*) FROM reports"));
    }

    @Test
    void membersOnly() {
        assertProblem(Api.anonymous().body(Map.of("text", "hello")).post(CHECK).then(), 401, "unauthenticated");
        assertProblem(Api.anonymous().auth().oauth2("not-a-token").body(Map.of("text", "hello")).post(CHECK).then(),
                401,
                "invalid-token");
    }

    static Stream<Arguments> badRequests() {
        Map<String, Object> noText = new HashMap<>();
        noText.put("country", "GB");
        Map<String, Object> nullText = new HashMap<>();
        nullText.put("text", null);
        return Stream.of(
                Arguments.of(noText, "text"),
                Arguments.of(nullText, "text"),
                Arguments.of(Map.of("text", ""), "text"),
                Arguments.of(Map.of("text", "   "), "text"),
                Arguments.of(Map.of("text", 42), "text"),
                Arguments.of(Map.of("text", List.of("hello")), "text"),
                Arguments.of(Map.of("text", "x".repeat(10_001)), "text"),
                Arguments.of(Map.of("text", "hello", "country", "gb"), "country"),
                Arguments.of(Map.of("text", "hello", "country", "XX"), "country"),
                Arguments.of(Map.of("text", "hello", "country", 44), "country"),
                Arguments.of(Map.of("text", "hello", "language", "elvish"), "language"),
                Arguments.of(Map.of("text", "hello", "mood", "sad"), "mood"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badRequests")
    void invalidFieldsAre400NamingTheField(Map<String, Object> body, String field) {
        assertFieldError(Api.as(member).body(body).post(CHECK).then(), field);
    }

    @Test
    void theLongestPostBodyIsAccepted() {
        check(member, Map.of("text", "x".repeat(10_000))).then().statusCode(200).body("crisis", equalTo("NONE"));
    }

    @Test
    void malformedMissingOrOversizedBodies() {
        assertProblem(Api.as(member).body("{\"text\":").post(CHECK).then(), 400, "malformed-json");
        assertProblem(Api.as(member).body("[\"text\"]").post(CHECK).then(), 400, "malformed-json");
        assertFieldError(Api.as(member).post(CHECK).then(), "body");
        assertProblem(given().auth().oauth2(member.accessToken()).contentType(ContentType.TEXT).body("I want to die")
                .post(CHECK).then(), 415, "unsupported-media-type");
        assertProblem(Api.as(member).body(Map.of("text", "y".repeat(70_000))).post(CHECK).then(), 413,
                "payload-too-large");
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoint() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/safety/check'.post.security[0].keySet()", contains("bearer"))
                .body("paths.'/api/v1/safety/check'.post.responses.keySet()",
                        hasItems("200", "400", "401", "413", "415", "429", "503"))
                .body("components.schemas.SafetyCheck.required",
                        hasItems("crisis", "personalInfo", "suggestedContentWarnings", "resources",
                                "resourcesInternational", "signals"))
                .body("components.schemas.SafetyCheck.properties.signals.items.$ref",
                        containsString("CrisisSignal"))
                .body("components.schemas.SafetyCheckRequest.properties.text.maxLength", equalTo(10000));
    }
}
