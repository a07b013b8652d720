package org.kindred.library;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertFieldError;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kindred.library.partners.PartnerScopes;
import org.kindred.platform.paging.CursorCodec;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The cursors of the library's lists keep their scope and values (a timestamp in microseconds since the epoch, or a
 * rank, then the id), so cursors handed out before keep working.
 */
@QuarkusTest
class CursorFormatTest {

    @Inject
    CursorCodec cursors;

    @Test
    void theResourceListAndTheFeedCarryTheLastRowsChangeTimeAndId() {
        TestAccount admin = Api.admin();
        Library.create(admin, Library.resource(r -> {
        }));
        Library.create(admin, Library.resource(r -> {
        }));
        String scope = ResourceFilter.NONE.canonical() + "|null";

        Response list = Api.anonymous().queryParam("limit", 1).get("/api/v1/resources").then().statusCode(200)
                .extract().response();
        assertEquals(List.of(micros(list.path("items[0].updatedAt")), list.path("items[0].id")),
                cursors.decode("resources|" + scope, list.path("nextCursor"), 2));

        Response feed = given().queryParam("limit", 1).get("/api/v1/feeds/resources.json").then().statusCode(200)
                .extract().response();
        String nextUrl = feed.path("next_url");
        String cursor = URI.create(nextUrl).getQuery().replaceAll(".*cursor=([^&]*).*", "$1");
        assertEquals(List.of(micros(feed.path("items[0]._kindred.updatedAt")), feed.path("items[0].id")),
                cursors.decode("feed|" + scope, cursor, 2));
    }

    @Test
    void theChangeLogCarriesTheLastChangesTimeAndId() {
        TestAccount admin = Api.admin();
        String id = Library.create(admin, Library.resource(r -> {
        }));
        Api.as(admin).body(Map.of("title", "Renamed")).patch("/api/v1/resources/" + id).then().statusCode(200);
        Response page = Api.as(admin).queryParam("limit", 1).get("/api/v1/resources/" + id + "/changes").then()
                .statusCode(200).body("items[0].action", equalTo("UPDATED")).extract().response();
        assertEquals(List.of(micros(page.path("items[0].changedAt")), page.path("items[0].id")),
                cursors.decode("resource-changes|" + id, page.path("nextCursor"), 2));

        // The cursor is checked before the resource is looked up.
        assertFieldError(Api.as(admin).queryParam("cursor", "forged.cursor")
                .get("/api/v1/resources/" + UUID.randomUUID() + "/changes").then(), "cursor");
    }

    @Test
    void thePartnerListCarriesTheLastPartnersCreationTimeAndId() {
        TestAccount admin = Api.admin();
        Library.partner(admin, PartnerScopes.FEEDS_READ);
        Library.partner(admin, PartnerScopes.FEEDS_READ);
        Response page = Api.as(admin).queryParam("limit", 1).get("/api/v1/partners").then().statusCode(200)
                .extract().response();
        List<String> values = List.of(micros(page.path("items[0].createdAt")), page.path("items[0].id"));
        assertEquals(values, cursors.decode("partners", page.path("nextCursor"), 2));

        // A cursor made by hand in that form is the one the list made.
        Api.as(admin).queryParam("limit", 1).queryParam("cursor", cursors.encode("partners", values))
                .get("/api/v1/partners").then().statusCode(200)
                .body("items[0].id", equalTo(Api.as(admin).queryParam("limit", 1)
                        .queryParam("cursor", page.<String>path("nextCursor")).get("/api/v1/partners").then()
                        .extract().path("items[0].id")));
    }

    private static String micros(String instant) {
        return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(instant)));
    }
}
