package org.kindred.library;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.support.Problems.assertFieldError;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The feeds: valid JSON Feed 1.1 and Atom, paging, filters, conditional GET and CORS open to any origin. */
@QuarkusTest
class FeedTest {

    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    @Test
    void theJsonFeedIsAValidJsonFeed11WithPaging() {
        TestAccount admin = Api.admin();
        String word = Library.uniqueWord();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Library.create(admin, Library.resource(r -> {
                r.put("title", "Feed item " + word);
                r.put("languages", List.of("de", "en"));
            })));
        }
        Response first = given().queryParam("q", word).queryParam("limit", 2).get("/api/v1/feeds/resources.json")
                .then().statusCode(200)
                .contentType("application/feed+json")
                .body("version", equalTo("https://jsonfeed.org/version/1.1"))
                .body("title", equalTo("Kindred resource library"))
                .body("feed_url", containsString("/api/v1/feeds/resources.json?"))
                .body("next_url", containsString("cursor="))
                .body("items.size()", equalTo(2))
                .body("items[0].id", notNullValue())
                .body("items[0].content_text", equalTo("What to do after discrimination at work."))
                .body("items[0].url", startsWith("https://example.org/help/"))
                .body("items[0].title", containsString(word))
                .body("items[0].date_modified", notNullValue())
                .body("items[0].language", equalTo("de"))
                .body("items[0].authors[0].name", equalTo("Example Org"))
                .body("items[0].tags", equalTo(List.of("GUIDE", "RACE_ETHNICITY", "WORKPLACE")))
                .body("items[0]._kindred.status", equalTo("PUBLISHED"))
                .extract().response();
        String nextUrl = first.path("next_url");
        assertTrue(nextUrl.startsWith("http"), "next_url is absolute");
        Response second = given().get(nextUrl).then().statusCode(200).body("items.size()", equalTo(1))
                .body("$", not(org.hamcrest.Matchers.hasKey("next_url"))).extract().response();
        List<String> all = new ArrayList<>(first.path("items.id"));
        all.addAll(second.path("items.id"));
        assertEquals(ids.stream().sorted().toList(), all.stream().sorted().toList());
        // Every item id is a string, as JSON Feed requires.
        first.then().body("items.id", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.isA(String.class)));
    }

    @Test
    void jsonFeedFallsBackToApplicationJsonForClientsThatOnlyAcceptIt() {
        given().accept("application/json").get("/api/v1/feeds/resources.json").then().statusCode(200)
                .contentType("application/json").body("version", equalTo("https://jsonfeed.org/version/1.1"));
    }

    @Test
    void theAtomFeedParsesAsRfc4287() throws Exception {
        TestAccount admin = Api.admin();
        String word = Library.uniqueWord();
        String id = Library.create(admin, Library.resource(r -> {
            r.put("title", "Atom & friends " + word);
            r.put("topics", List.of("HOUSING"));
        }));
        Library.create(admin, Library.resource(r -> r.put("title", "Atom second " + word)));
        Response response = given().queryParam("q", word).queryParam("limit", 1).get("/api/v1/feeds/resources.atom")
                .then().statusCode(200).contentType(containsString("application/atom+xml")).extract().response();

        Document doc = parse(response.asByteArray());
        Element feed = doc.getDocumentElement();
        assertEquals(ATOM_NS, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        assertEquals("Kindred resource library", child(feed, "title").getTextContent());
        assertNotNull(child(feed, "id").getTextContent());
        Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(child(feed, "updated").getTextContent()));
        assertTrue(links(feed).contains("self"));
        assertTrue(links(feed).contains("next"), "RFC 5005 paging");

        NodeList entries = feed.getElementsByTagNameNS(ATOM_NS, "entry");
        assertEquals(1, entries.getLength());
        Element entry = (Element) entries.item(0);
        assertTrue(child(entry, "id").getTextContent().startsWith("urn:uuid:"));
        assertNotNull(child(entry, "title").getTextContent());
        Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(child(entry, "updated").getTextContent()));
        assertEquals("Example Org", child(child(entry, "author"), "name").getTextContent());
        assertEquals("What to do after discrimination at work.", child(entry, "summary").getTextContent());

        // The whole result, page by page: the first entry is the newest change.
        Response all = given().queryParam("q", word).get("/api/v1/feeds/resources.atom").then().statusCode(200)
                .extract().response();
        Element allFeed = parse(all.asByteArray()).getDocumentElement();
        assertEquals(2, allFeed.getElementsByTagNameNS(ATOM_NS, "entry").getLength());
        assertFalse(links(allFeed).contains("next"));
        boolean found = false;
        NodeList allEntries = allFeed.getElementsByTagNameNS(ATOM_NS, "entry");
        for (int i = 0; i < allEntries.getLength(); i++) {
            Element e = (Element) allEntries.item(i);
            if (child(e, "id").getTextContent().equals("urn:uuid:" + id)) {
                found = true;
                assertEquals("Atom & friends " + word, child(e, "title").getTextContent());
            }
        }
        assertTrue(found);
    }

    @Test
    void feedsHonourIfNoneMatchAndIfModifiedSince() {
        Response feed = given().get("/api/v1/feeds/resources.json").then().statusCode(200)
                .header("Cache-Control", "public, max-age=300").header("ETag", notNullValue())
                .header("Last-Modified", notNullValue()).extract().response();
        String etag = feed.header("ETag");
        String lastModified = feed.header("Last-Modified");
        given().header("If-None-Match", etag).get("/api/v1/feeds/resources.json").then().statusCode(304)
                .header("ETag", etag).header("Cache-Control", "public, max-age=300");
        given().header("If-Modified-Since", lastModified).get("/api/v1/feeds/resources.json").then().statusCode(304);
        String earlier = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).minusSeconds(10));
        given().header("If-Modified-Since", earlier).get("/api/v1/feeds/resources.json").then().statusCode(200);
        // If-None-Match decides alone when both are sent.
        given().header("If-None-Match", "\"other\"").header("If-Modified-Since", lastModified)
                .get("/api/v1/feeds/resources.json").then().statusCode(200);

        Response atom = given().get("/api/v1/feeds/resources.atom").then().statusCode(200).extract().response();
        given().header("If-None-Match", atom.header("ETag")).get("/api/v1/feeds/resources.atom").then()
                .statusCode(304);

        // A change anywhere in the library moves Last-Modified on.
        Library.create(Api.admin(), Library.resource(r -> {
        }));
        Response after = given().get("/api/v1/feeds/resources.json").then().statusCode(200).extract().response();
        assertFalse(after.header("ETag").equals(etag));
        given().header("If-None-Match", etag).get("/api/v1/feeds/resources.json").then().statusCode(200);
    }

    /**
     * Feed pages are kept once rendered (a revalidation costs one small query): any change to the public library must
     * still reach the next reader, and a kept page never crosses media types or URLs.
     */
    @Test
    void keptFeedPagesFollowEveryChangeToTheLibrary() {
        TestAccount admin = Api.admin();
        String word = Library.uniqueWord();
        String id = Library.create(admin, Library.resource(r -> r.put("title", "Kept page " + word)));
        String etag = given().queryParam("q", word).get("/api/v1/feeds/resources.json").then().statusCode(200)
                .body("items[0].title", equalTo("Kept page " + word)).extract().header("ETag");
        given().queryParam("q", word).header("If-None-Match", etag).get("/api/v1/feeds/resources.json").then()
                .statusCode(304);

        // An edit: the same URL now answers the new title, and the old ETag no longer matches.
        String resourceEtag = Api.as(admin).get("/api/v1/resources/" + id).then().extract().header("ETag");
        Api.as(admin).contentType("application/merge-patch+json").header("If-Match", resourceEtag)
                .body("{\"title\":\"Renamed page " + word + "\"}").patch("/api/v1/resources/" + id).then()
                .statusCode(200);
        String edited = given().queryParam("q", word).header("If-None-Match", etag)
                .get("/api/v1/feeds/resources.json").then().statusCode(200)
                .body("items[0].title", equalTo("Renamed page " + word)).extract().header("ETag");
        assertFalse(edited.equals(etag));

        // The same URL asked for as plain JSON, and as Atom, is rendered for that media type.
        given().accept("application/json").queryParam("q", word).get("/api/v1/feeds/resources.json").then()
                .statusCode(200).contentType(startsWith("application/json"))
                .body("items[0].title", equalTo("Renamed page " + word));
        given().queryParam("q", word).get("/api/v1/feeds/resources.json").then().statusCode(200)
                .contentType("application/feed+json");

        // A verification written straight to the database (no new version) still reaches the feed.
        Api.sql("UPDATE curated_resources SET last_verified_at = last_verified_at - interval '1 day' WHERE id = ?::uuid",
                id);
        String reverified = given().queryParam("q", word).get("/api/v1/feeds/resources.json").then().statusCode(200)
                .extract().header("ETag");
        assertFalse(reverified.equals(edited));

        // Archived: gone from the kept page's URL at once.
        Api.as(admin).delete("/api/v1/resources/" + id).then().statusCode(204);
        given().queryParam("q", word).get("/api/v1/feeds/resources.json").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void feedsTakeTheListsFilters() {
        TestAccount admin = Api.admin();
        String word = Library.uniqueWord();
        String inDe = Library.create(admin, Library.resource(r -> {
            r.put("title", "German " + word);
            r.put("countries", List.of("DE"));
        }));
        Library.create(admin, Library.resource(r -> {
            r.put("title", "French " + word);
            r.put("countries", List.of("FR"));
        }));
        given().queryParam("q", word).queryParam("country", "DE").get("/api/v1/feeds/resources.json").then()
                .statusCode(200).body("items.id", equalTo(List.of(inDe)));
        assertFieldError(given().queryParam("country", "Germany").get("/api/v1/feeds/resources.json").then(),
                "country");
        assertFieldError(given().queryParam("type", "PODCAST").get("/api/v1/feeds/resources.atom").then(), "type");
    }

    @Test
    void feedsAllowAnyOriginWithoutCredentialsIncludingPreflight() {
        given().header("Origin", "https://partner-site.example").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match")
                .options("/api/v1/feeds/resources.json").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", containsString("GET"))
                .header("Access-Control-Allow-Headers", containsString("If-None-Match"))
                .header("Access-Control-Allow-Credentials", nullValue());
        given().header("Origin", "https://partner-site.example").get("/api/v1/feeds/resources.atom").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Allow-Credentials", nullValue());
        given().header("Origin", "null").get("/api/v1/feeds/resources.json").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void theRestOfTheApiKeepsItsOriginAllowList() {
        given().header("Origin", "https://partner-site.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/resources").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://partner-site.example").get("/api/v1/resources").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,x-api-key")
                .options("/api/v1/resources").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
    }

    @Test
    void aPartnerKeyIsOptionalOnFeeds() {
        Library.Partner partner = Library.partner(Api.admin(), "feeds:read");
        Library.withKey(partner.key()).get("/api/v1/feeds/resources.json").then().statusCode(200)
                .header("RateLimit-Policy", containsString("partner-key"));
        given().get("/api/v1/feeds/resources.json").then().statusCode(200)
                .header("RateLimit-Policy", containsString("public-feed-ip"));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Element child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM_NS.equals(e.getNamespaceURI())
                    && name.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new AssertionError("no atom:" + name + " in " + parent.getLocalName());
    }

    private static List<String> links(Element parent) {
        List<String> rels = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && "link".equals(e.getLocalName())) {
                rels.add(e.getAttribute("rel"));
            }
        }
        return rels;
    }

}
