package org.kindred.library;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kindred.library.api.CrisisLinesResponse;
import org.kindred.library.api.ResourceResponse;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Crisis lines by country: 24/7 first, international ones when a country has none. */
@QuarkusTest
class CrisisLinesTest {

    @Inject
    CrisisLines crisisLines;

    @Test
    void roundTheClockLinesComeFirstThenCrisisLinesBeforeHelplines() {
        TestAccount admin = Api.admin();
        // Tuvalu: no seed and no other test uses it.
        String daytimeCrisis = Library.create(admin, Library.resource(r -> {
            r.put("type", "CRISIS_LINE");
            r.put("title", "A daytime crisis line");
            r.put("countries", List.of("TV"));
        }));
        String alwaysHelpline = Library.create(admin, Library.resource(r -> {
            r.put("type", "HELPLINE");
            r.put("title", "B helpline");
            r.put("countries", List.of("TV"));
            r.put("available24x7", true);
        }));
        String alwaysCrisis = Library.create(admin, Library.resource(r -> {
            r.put("type", "CRISIS_LINE");
            r.put("title", "C crisis line");
            r.put("countries", List.of("TV"));
            r.put("available24x7", true);
        }));
        Library.create(admin, Library.resource(r -> {
            r.put("type", "LEGAL_AID");
            r.put("countries", List.of("TV"));
        }));
        String archived = Library.create(admin, Library.resource(r -> {
            r.put("type", "CRISIS_LINE");
            r.put("countries", List.of("TV"));
            r.put("available24x7", true);
        }));
        Api.as(admin).delete("/api/v1/resources/" + archived).then().statusCode(204);

        Api.anonymous().queryParam("country", "TV").get("/api/v1/resources/crisis").then().statusCode(200)
                .header("Cache-Control", "public, max-age=300")
                .body("country", equalTo("TV"))
                .body("international", equalTo(false))
                .body("items.id", equalTo(List.of(alwaysCrisis, alwaysHelpline, daytimeCrisis)));
    }

    @Test
    void aCountryWithoutLinesGetsTheInternationalOnes() {
        // Antarctica has no crisis lines in the library.
        Response response = Api.anonymous().queryParam("country", "AQ").get("/api/v1/resources/crisis").then()
                .statusCode(200).body("international", equalTo(true)).body("country", equalTo("AQ"))
                .extract().response();
        List<List<String>> countries = response.path("items.countries");
        assertFalse(countries.isEmpty(), "the seeds hold international crisis lines");
        assertTrue(countries.stream().allMatch(c -> c.equals(List.of("GLOBAL"))));
        response.then().body("items.type", everyItem(oneOf("CRISIS_LINE", "HELPLINE")))
                .body("items.title", hasItem("Find A Helpline"));
        Api.anonymous().get("/api/v1/resources/crisis").then().statusCode(200)
                .body("international", equalTo(true)).body("country", equalTo(null));
    }

    @Test
    void theSeededLibraryAnswersTheUsWith988AndGreatBritainWithSamaritans() {
        Api.anonymous().queryParam("country", "US").get("/api/v1/resources/crisis").then().statusCode(200)
                .body("international", equalTo(false))
                .body("items[0].available24x7", equalTo(true))
                .body("items.phone", hasItem("988"))
                .body("items.title", hasItem("988 Suicide & Crisis Lifeline"));
        Api.anonymous().queryParam("country", "GB").get("/api/v1/resources/crisis").then().statusCode(200)
                .body("international", equalTo(false))
                .body("items.find { it.title == 'Samaritans' }.phone", equalTo("116 123"))
                .body("items.title", not(hasItem("Equality Advisory and Support Service (EASS)")));
        Api.anonymous().queryParam("country", "IE").get("/api/v1/resources/crisis").then()
                .body("items.title", hasItem("Samaritans"));
    }

    @Test
    void theSafetyCheckGetsTheSameListInProcess() {
        CrisisLinesResponse gb = crisisLines.forCountry("GB");
        assertFalse(gb.international());
        assertTrue(gb.items().stream().map(ResourceResponse::title).anyMatch("Samaritans"::equals));
        assertTrue(gb.items().get(0).available24x7());
        // In process it never fails: unknown or missing countries get the international lines.
        assertTrue(crisisLines.forCountry("ZZ").international());
        assertTrue(crisisLines.forCountry(null).international());
        assertEquals(crisisLines.forCountry(null).items(), crisisLines.forCountry("AQ").items());
    }
}
