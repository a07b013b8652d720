package org.kindred.library;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.kindred.support.Problems.assertFieldError;
import static org.kindred.support.Problems.assertProblem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The public list: filters, full-text relevance, paging, delta sync, caching and bad input. */
@QuarkusTest
class ResourceListTest {

    @Test
    void filtersByTypeBasisTopicCountryAndLanguage() {
        TestAccount admin = Api.admin();
        String word = Library.uniqueWord();
        String gbHousing = Library.create(admin, Library.resource(r -> {
            r.put("title", "Housing help " + word);
            r.put("type", "LEGAL_AID");
            r.put("bases", List.of("DISABILITY"));
            r.put("topics", List.of("HOUSING"));
            r.put("countries", List.of("GB"));
            r.put("languages", List.of("en", "cy"));
        }));
        String frWork = Library.create(admin, Library.resource(r -> {
            r.put("title", "Travail " + word);
            r.put("bases", List.of("RELIGION_BELIEF"));
            r.put("topics", List.of("WORKPLACE"));
            r.put("countries", List.of("FR"));
            r.put("languages", List.of("fr"));
        }));
        String global = Library.create(admin, Library.resource(r -> {
            r.put("title", "Everywhere " + word);
            r.put("topics", List.of("WELLBEING_COPING"));
            r.put("countries", List.of("GLOBAL"));
            r.put("languages", List.of("pt"));
        }));

        assertEquals(List.of(gbHousing), ids(Map.of("q", word, "type", "LEGAL_AID")));
        assertEquals(List.of(gbHousing), ids(Map.of("q", word, "basis", "DISABILITY")));
        assertEquals(List.of(frWork), ids(Map.of("q", word, "topic", "WORKPLACE", "country", "FR")));
        assertEquals(List.of(gbHousing), ids(Map.of("q", word, "language", "cy")));
        // pt-BR matches resources offered in Portuguese.
        assertEquals(List.of(global), ids(Map.of("q", word, "language", "pt-BR")));
        // A country also matches resources serving everywhere; GLOBAL alone only those.
        assertEquals(List.of(gbHousing, global).stream().sorted().toList(),
                ids(Map.of("q", word, "country", "GB")).stream().sorted().toList());
        assertEquals(List.of(global), ids(Map.of("q", word, "country", "GLOBAL")));
        assertEquals(List.of(), ids(Map.of("q", word, "country", "DE", "type", "LEGAL_AID")));

        Api.anonymous().queryParam("country", "GB").queryParam("limit", 100).get("/api/v1/resources").then()
                .statusCode(200)
                .body("items.countries", everyItem(org.hamcrest.Matchers.either(hasItem("GB")).or(hasItem("GLOBAL"))));
    }

    @Test
    void fullTextRanksTitleMatchesAboveSummaryMatchesWithIdTieBreak() {
        TestAccount admin = Api.admin();
        String word = Library.uniqueWord();
        String inSummary = Library.create(admin, Library.resource(r -> {
            r.put("title", "Advice line");
            r.put("summary", "Talk to someone about " + word + " and more.");
        }));
        String inTitleAndSummary = Library.create(admin, Library.resource(r -> {
            r.put("title", word + " support");
            r.put("summary", "Support with " + word + ".");
        }));
        String tieA = Library.create(admin, Library.resource(r -> {
            r.put("title", word + " guide");
            r.put("summary", "A guide.");
        }));
        String tieB = Library.create(admin, Library.resource(r -> {
            r.put("title", word + " guide");
            r.put("summary", "A guide.");
        }));
        List<String> ties = List.of(tieA, tieB).stream().sorted().toList();

        List<String> expected = new ArrayList<>();
        expected.add(inTitleAndSummary);
        expected.addAll(ties);
        expected.add(inSummary);
        assertEquals(expected, ids(Map.of("q", word)));

        // The same order, one item per page, through the cursors.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = Api.anonymous().queryParam("q", word).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/resources").then().statusCode(200).extract().response();
            paged.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            if (cursor != null) {
                org.hamcrest.MatcherAssert.assertThat(page.header("Link"), containsString("rel=\"next\""));
            }
        } while (cursor != null);
        assertEquals(expected, paged);
    }

    @Test
    void defaultOrderIsNewestChangeFirstAndPagesNeverRepeat() {
        TestAccount admin = Api.admin();
        String word = Library.uniqueWord();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(Library.create(admin, Library.resource(r -> r.put("summary", "Topic " + word))));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = Api.anonymous().queryParam("limit", 2).queryParam("q", word);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/resources").then().statusCode(200).extract().response();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(5, seen.size());
        assertEquals(5, seen.stream().distinct().count());

        List<String> newestFirst = Api.anonymous().queryParam("limit", 100).get("/api/v1/resources").then()
                .statusCode(200).extract().path("items.id");
        List<String> ours = newestFirst.stream().filter(created::contains).toList();
        List<String> reversed = new ArrayList<>(created);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, ours);
    }

    @Test
    void modifiedSinceReturnsChangesOldestFirstWithArchivedTombstones() {
        TestAccount admin = Api.admin();
        String word = Library.uniqueWord();
        String since = Instant.now().minusSeconds(1).toString();
        String first = Library.create(admin, Library.resource(r -> r.put("summary", "Sync " + word)));
        String second = Library.create(admin, Library.resource(r -> r.put("summary", "Sync " + word)));
        Api.as(admin).delete("/api/v1/resources/" + first).then().statusCode(204);

        Response sync = Api.anonymous().queryParam("modifiedSince", since).queryParam("limit", 100)
                .get("/api/v1/resources").then().statusCode(200).extract().response();
        List<String> ids = sync.path("items.id");
        assertEquals(List.of(second, first), ids.stream().filter(id -> id.equals(first) || id.equals(second)).toList(),
                "oldest change first: the archival of the first is the latest change");
        assertEquals("ARCHIVED", sync.path("items.find { it.id == '" + first + "' }.status"));

        // The plain list and the feeds never show archived resources.
        Api.anonymous().queryParam("q", word).get("/api/v1/resources").then().body("items.id",
                equalTo(List.of(second)));
        Api.anonymous().queryParam("modifiedSince", since).queryParam("limit", 100)
                .get("/api/v1/feeds/resources.json").then().statusCode(200)
                .body("items.id", not(hasItem(first))).body("items.id", hasItem(second));
    }

    @Test
    void publicReadsAreCacheableWithETagsAnd304() {
        TestAccount admin = Api.admin();
        String word = Library.uniqueWord();
        String id = Library.create(admin, Library.resource(r -> r.put("title", "Cached " + word)));

        Response list = Api.anonymous().queryParam("q", word).get("/api/v1/resources").then().statusCode(200)
                .header("Cache-Control", "public, max-age=300").extract().response();
        String etag = list.header("ETag");
        assertNotNull(etag);
        Api.anonymous().queryParam("q", word).header("If-None-Match", etag).get("/api/v1/resources").then()
                .statusCode(304).header("ETag", etag).header("Cache-Control", "public, max-age=300");

        Response one = Api.anonymous().get("/api/v1/resources/" + id).then().statusCode(200)
                .header("Cache-Control", "public, max-age=300").extract().response();
        String resourceTag = one.header("ETag");
        Api.anonymous().header("If-None-Match", "W/" + resourceTag).get("/api/v1/resources/" + id).then()
                .statusCode(304);

        // A change makes the old copies stale.
        Api.as(admin).body(Map.of("summary", "Changed.")).patch("/api/v1/resources/" + id).then().statusCode(200);
        Api.anonymous().header("If-None-Match", resourceTag).get("/api/v1/resources/" + id).then().statusCode(200)
                .body("summary", equalTo("Changed.")).header("ETag", not(equalTo(resourceTag)));
        Api.anonymous().queryParam("q", word).header("If-None-Match", etag).get("/api/v1/resources").then()
                .statusCode(200);
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        assertFieldError(Api.anonymous().queryParam("country", "UK").get("/api/v1/resources").then(), "country");
        assertFieldError(Api.anonymous().queryParam("country", "gb").get("/api/v1/resources").then(), "country");
        assertFieldError(Api.anonymous().queryParam("language", "xx-!!").get("/api/v1/resources").then(),
                "language");
        assertFieldError(Api.anonymous().queryParam("type", "HOTLINE").get("/api/v1/resources").then(), "type")
                .body("detail", containsString("CRISIS_LINE"));
        assertFieldError(Api.anonymous().queryParam("basis", "race").get("/api/v1/resources").then(), "basis");
        assertFieldError(Api.anonymous().queryParam("topic", "JOBS").get("/api/v1/resources").then(), "topic");
        assertFieldError(Api.anonymous().queryParam("modifiedSince", "yesterday").get("/api/v1/resources").then(),
                "modifiedSince");
        assertFieldError(Api.anonymous().queryParam("limit", 101).get("/api/v1/resources").then(), "limit");
        assertFieldError(Api.anonymous().queryParam("q", "x".repeat(201)).get("/api/v1/resources").then(), "q");
        assertFieldError(Api.anonymous().queryParam("cursor", "forged.cursor").get("/api/v1/resources").then(),
                "cursor");
        assertFieldError(Api.anonymous().queryParam("stale", "yes").get("/api/v1/resources").then(), "stale");
        assertFieldError(Api.anonymous().queryParam("country", "ZZ").get("/api/v1/resources/crisis").then(),
                "country");
    }

    @Test
    void aCursorOnlyFitsItsOwnList() {
        TestAccount admin = Api.admin();
        String word = Library.uniqueWord();
        for (int i = 0; i < 2; i++) {
            Library.create(admin, Library.resource(r -> r.put("summary", "Cursor " + word)));
        }
        String cursor = Api.anonymous().queryParam("q", word).queryParam("limit", 1).get("/api/v1/resources").then()
                .statusCode(200).extract().path("nextCursor");
        assertNotNull(cursor);
        assertFieldError(Api.anonymous().queryParam("q", word).queryParam("country", "FR").queryParam("cursor", cursor)
                .get("/api/v1/resources").then(), "cursor");
    }

    @Test
    void unknownAndNonPublicResourcesAre404ForThePublic() {
        assertProblem(Api.anonymous().get("/api/v1/resources/" + java.util.UUID.randomUUID()).then(), 404,
                "not-found");
        TestAccount admin = Api.admin();
        String id = Library.create(admin, Library.resource(r -> {
        }));
        Api.as(admin).delete("/api/v1/resources/" + id).then().statusCode(204);
        assertProblem(Api.anonymous().get("/api/v1/resources/" + id).then(), 404, "not-found");
        assertProblem(Api.as(Api.register("member")).get("/api/v1/resources/" + id).then(), 404, "not-found");
        Api.as(admin).get("/api/v1/resources/" + id).then().statusCode(200).body("status", equalTo("ARCHIVED"))
                .header("Cache-Control", "no-store");
    }

    @Test
    void curatorsFiltersNeedRights() {
        TestAccount member = Api.register("member");
        assertProblem(Api.anonymous().queryParam("stale", "true").get("/api/v1/resources").then(), 401,
                "unauthenticated");
        assertProblem(Api.as(member).queryParam("stale", "true").get("/api/v1/resources").then(), 403, "forbidden");
        assertProblem(Api.as(member).queryParam("status", "PENDING_REVIEW").get("/api/v1/resources").then(), 403,
                "forbidden");
        Api.as(Api.admin()).queryParam("status", "ARCHIVED").get("/api/v1/resources").then().statusCode(200)
                .header("Cache-Control", "no-store").body("items.status", everyItem(equalTo("ARCHIVED")));
        // status=PUBLISHED is the public list.
        Api.anonymous().queryParam("status", "PUBLISHED").get("/api/v1/resources").then().statusCode(200);
    }

    @Test
    void responsesCarryTheContractFields() {
        TestAccount admin = Api.admin();
        String id = Library.create(admin, Library.resource(r -> {
            r.put("phone", "0800 123 456");
            r.put("hours", "9:00 to 17:00");
            r.put("regions", List.of("GB-SCT"));
        }));
        Api.anonymous().get("/api/v1/resources/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("type", equalTo("GUIDE"))
                .body("organization.name", equalTo("Example Org"))
                .body("bases", equalTo(List.of("RACE_ETHNICITY")))
                .body("topics", equalTo(List.of("WORKPLACE")))
                .body("countries", equalTo(List.of("GB")))
                .body("regions", equalTo(List.of("GB-SCT")))
                .body("languages", equalTo(List.of("en")))
                .body("phone", equalTo("0800 123 456"))
                .body("sms", nullValue())
                .body("email", nullValue())
                .body("hours", equalTo("9:00 to 17:00"))
                .body("available24x7", equalTo(false))
                .body("cost", equalTo("FREE"))
                .body("status", equalTo("PUBLISHED"))
                .body("stale", equalTo(false))
                .body("$", hasKeys("lastVerifiedAt", "createdAt", "updatedAt", "eligibility"));
    }

    private static org.hamcrest.Matcher<Map<? extends String, ?>> hasKeys(String... keys) {
        List<org.hamcrest.Matcher<? super Map<? extends String, ?>>> matchers = new ArrayList<>();
        for (String key : keys) {
            matchers.add(org.hamcrest.Matchers.hasKey(key));
        }
        return org.hamcrest.Matchers.allOf(matchers);
    }

    private static List<String> ids(Map<String, Object> query) {
        return Api.anonymous().queryParams(query).queryParam("limit", 100).get("/api/v1/resources").then()
                .statusCode(200).extract().path("items.id");
    }
}
