package org.kindred.library;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertProblem;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.library.partners.PartnerScopes;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;

/**
 * OWASP API7 (server-side request forgery): every URL a client can store (a resource's {@code url} and
 * {@code organization.url}, a partner's {@code url}) is only ever stored and echoed, never fetched by the server. A
 * listener on the loopback interface counts every request that reaches it while those URLs are created, changed,
 * published, verified and read back through every read path; it must count none. URL fields also refuse schemes a
 * client could be tricked into following (javascript:, data:, file:, ...).
 */
@QuarkusTest
class SsrfTest {

    private static HttpServer listener;
    private static final List<String> HITS = new CopyOnWriteArrayList<>();
    private static String base;

    @BeforeAll
    static void startListener() throws IOException {
        listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        listener.createContext("/", exchange -> {
            HITS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = "{}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        listener.start();
        base = "http://127.0.0.1:" + listener.getAddress().getPort();
    }

    @AfterAll
    static void stopListener() {
        listener.stop(0);
    }

    @BeforeEach
    void clearHits() {
        HITS.clear();
    }

    @Test
    void urlsPointingAtAnInternalServiceAreNeverFetched() throws Exception {
        TestAccount admin = Api.admin();
        String word = Library.uniqueWord();

        // An admin's resource: published at once.
        String direct = Library.create(admin, Library.resource(r -> {
            r.put("title", "Guide " + word);
            r.put("url", base + "/admin-resource?word=" + word);
            r.put("organization", Map.of("name", "Internal Org", "url", base + "/admin-org"));
        }));
        // A crisis line, read through the crisis endpoint too. Nauru: no seed and no other test uses it.
        String crisis = Library.create(admin, Library.resource(r -> {
            r.put("type", "CRISIS_LINE");
            r.put("title", "Crisis " + word);
            r.put("countries", List.of("NR"));
            r.put("phone", "+674 555 0100");
            r.put("url", base + "/crisis-line");
            r.put("organization", Map.of("name", "Internal Crisis Org", "url", base + "/crisis-org"));
        }));

        // A partner whose own URL points inside, with a key that submits resources pointing inside.
        Map<String, Object> partnerBody = new HashMap<>(Map.of("name", "Partner " + word, "url", base + "/partner",
                "contactEmail", "web@partner.example"));
        String partnerId = Api.as(admin).body(partnerBody).post("/api/v1/partners").then().statusCode(201)
                .body("url", equalTo(base + "/partner")).extract().path("id");
        String key = Api.as(admin).body(Map.of("name", "feed", "scopes",
                List.of(PartnerScopes.RESOURCES_SUBMIT, PartnerScopes.FEEDS_READ), "requestsPerMinute", 6000))
                .post("/api/v1/partners/" + partnerId + "/keys").then().statusCode(201).extract().path("apiKey");
        String submitted = Library.withKey(key).body(Library.resource(r -> {
            r.put("title", "Clinic " + word);
            r.put("url", base + "/submitted");
            r.put("organization", Map.of("name", "Submitting Org", "url", base + "/submitted-org"));
        })).post("/api/v1/resources").then().statusCode(201).body("status", equalTo("PENDING_REVIEW")).extract()
                .path("id");
        Library.withKey(key).body(Map.of("url", base + "/submitted-fixed")).patch("/api/v1/resources/" + submitted)
                .then().statusCode(200);
        Library.withKey(key).get("/api/v1/resources/" + submitted).then().statusCode(200);
        Library.withKey(key).queryParam("status", "PENDING_REVIEW").get("/api/v1/resources").then().statusCode(200)
                .body("items.url", hasItem(base + "/submitted-fixed"));

        // Curation: review, change, publish, verify.
        Api.as(admin).body(Map.of("url", base + "/patched", "organization", Map.of("url", base + "/patched-org")))
                .patch("/api/v1/resources/" + submitted).then().statusCode(200);
        Api.as(admin).post("/api/v1/resources/" + submitted + "/publish").then().statusCode(200);
        Api.as(admin).post("/api/v1/resources/" + direct + "/verify").then().statusCode(200);
        Api.as(admin).get("/api/v1/resources/" + submitted + "/changes").then().statusCode(200);
        Api.as(admin).get("/api/v1/partners/" + partnerId).then().statusCode(200);
        Api.as(admin).get("/api/v1/partners").then().statusCode(200);

        // Every public read path serves the stored URLs as they are.
        for (String id : List.of(direct, crisis, submitted)) {
            Api.anonymous().get("/api/v1/resources/" + id).then().statusCode(200)
                    .body("url", containsString(base)).body("organization.url", containsString(base));
            Library.withKey(key).get("/api/v1/resources/" + id).then().statusCode(200);
        }
        Api.anonymous().queryParam("q", word).get("/api/v1/resources").then().statusCode(200)
                .body("items.url", hasItem(base + "/patched"));
        Library.withKey(key).queryParam("q", word).get("/api/v1/resources").then().statusCode(200);
        Api.anonymous().queryParam("modifiedSince", "2020-01-01T00:00:00Z").queryParam("country", "NR")
                .get("/api/v1/resources").then().statusCode(200).body("items.url", hasItem(base + "/crisis-line"));
        Api.anonymous().queryParam("country", "NR").get("/api/v1/resources/crisis").then().statusCode(200)
                .body("items.url", hasItem(base + "/crisis-line"));
        Api.anonymous().queryParam("q", word).get("/api/v1/feeds/resources.json").then().statusCode(200)
                .body(containsString(base + "/admin-resource")).body(containsString(base + "/admin-org"));
        Api.anonymous().queryParam("q", word).get("/api/v1/feeds/resources.atom").then().statusCode(200)
                .body(containsString(base + "/patched"));
        Library.withKey(key).queryParam("country", "NR").get("/api/v1/feeds/resources.json").then().statusCode(200)
                .body(containsString(base + "/crisis-line"));

        // Archiving goes through the same code paths without fetching either.
        Api.as(admin).delete("/api/v1/resources/" + crisis).then().statusCode(204);

        assertEquals(List.of(), HITS, "the server fetched a URL a client stored");

        // The listener does count what reaches it, so the assertion above can fail.
        HttpResponse<String> probe = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/probe")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, probe.statusCode());
        assertEquals(List.of("GET /probe"), HITS);
    }

    @Test
    void urlFieldsRefuseSchemesOtherThanHttpAndHttps() {
        TestAccount admin = Api.admin();
        Library.Partner partner = Library.partner(admin, PartnerScopes.RESOURCES_SUBMIT);
        String existing = Library.create(admin, Library.resource(r -> {
        }));
        List<String> refused = List.of("javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)",
                "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "ftp://127.0.0.1/x",
                "gopher://127.0.0.1:6379/_FLUSHALL", "jar:http://127.0.0.1/x.jar!/", "//127.0.0.1/scheme-relative",
                "/relative/path", "http:///no-host", "http://user:secret@127.0.0.1/", " http://127.0.0.1/leading-space",
                "vbscript:msgbox(1)");
        for (String url : refused) {
            assertProblem(Api.as(admin).body(Library.resource(r -> r.put("url", url))).post("/api/v1/resources")
                    .then(), 400, "validation").body("errors.field", hasItem("url"));
            assertProblem(Api.as(admin)
                    .body(Library.resource(r -> r.put("organization", Map.of("name", "Org", "url", url))))
                    .post("/api/v1/resources").then(), 400, "validation")
                    .body("errors.field", hasItem("organization.url"));
            assertProblem(Library.withKey(partner.key()).body(Library.resource(r -> r.put("url", url)))
                    .post("/api/v1/resources").then(), 400, "validation").body("errors.field", hasItem("url"));
            assertProblem(Api.as(admin).body(Map.of("url", url)).patch("/api/v1/resources/" + existing).then(), 400,
                    "validation").body("errors.field", hasItem("url"));
            assertProblem(Api.as(admin).body(Map.of("organization", Map.of("url", url)))
                    .patch("/api/v1/resources/" + existing).then(), 400, "validation")
                    .body("errors.field", hasItem("organization.url"));
            assertProblem(Api.as(admin).body(Map.of("name", "Partner " + Library.uniqueWord(), "url", url))
                    .post("/api/v1/partners").then(), 400, "validation").body("errors.field", hasItem("url"));
        }
        // The refused values were stored nowhere.
        Api.anonymous().get("/api/v1/resources/" + existing).then().statusCode(200)
                .body("url", org.hamcrest.Matchers.startsWith("https://"));
        assertEquals(0, Api.count("SELECT count(*) FROM curated_resources WHERE url !~ '^https?://'"
                + " OR coalesce(organization_url, 'http://') !~ '^https?://'"));
        assertEquals(0, Api.count("SELECT count(*) FROM partners WHERE coalesce(url, 'http://') !~ '^https?://'"));
        assertEquals(List.of(), HITS);
    }
}
