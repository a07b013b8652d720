package org.kindred.library;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.support.Problems.assertProblem;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kindred.library.api.CreateResourceRequest;
import org.kindred.library.api.Organization;
import org.kindred.library.events.ResourcePublished;
import org.kindred.library.partners.PartnerScopes;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** {@link ResourcePublished} fires each time a resource becomes PUBLISHED, and only then. */
@QuarkusTest
class ResourcePublishedTest {

    @Inject
    PublishedResources published;

    @Inject
    ResourceCuration curation;

    @Inject
    CuratedResourceRepository resources;

    @Test
    void anAdminsNewResourceIsPublishedAtOnce() {
        String id = Library.create(Api.admin(), Library.resource(r -> {
        }));
        assertEquals(1, published.times(id));
    }

    @Test
    void aSubmissionIsPublishedWhenAnAdminPublishesItAndAgainWhenRestored() {
        TestAccount admin = Api.admin();
        Library.Partner partner = Library.partner(admin, PartnerScopes.RESOURCES_SUBMIT);
        String id = Library.withKey(partner.key()).body(Library.resource(r -> {
        })).post("/api/v1/resources").then().statusCode(201).body("status", equalTo("PENDING_REVIEW")).extract()
                .path("id");
        assertEquals(0, published.times(id), "a submission waits for review");

        Library.withKey(partner.key()).body(Map.of("summary", "Free legal clinic."))
                .patch("/api/v1/resources/" + id).then().statusCode(200);
        assertEquals(0, published.times(id), "editing a submission does not publish it");

        Api.as(admin).post("/api/v1/resources/" + id + "/publish").then().statusCode(200);
        assertEquals(1, published.times(id));
        Api.as(admin).post("/api/v1/resources/" + id + "/publish").then().statusCode(200);
        Api.as(admin).post("/api/v1/resources/" + id + "/verify").then().statusCode(200);
        assertEquals(1, published.times(id), "publishing a published resource changes nothing");

        Api.as(admin).delete("/api/v1/resources/" + id).then().statusCode(204);
        assertEquals(1, published.times(id));
        Api.as(admin).post("/api/v1/resources/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        assertEquals(2, published.times(id), "restoring an archived resource publishes it again");
    }

    @Test
    void aRestoreThatConflictsPublishesNothing() {
        TestAccount admin = Api.admin();
        String url = Library.uniqueUrl();
        String id = Library.create(admin, Library.resource(r -> r.put("url", url)));
        Api.as(admin).delete("/api/v1/resources/" + id).then().statusCode(204);
        String again = Library.create(admin, Library.resource(r -> r.put("url", url)));
        assertProblem(Api.as(admin).post("/api/v1/resources/" + id + "/publish").then(), 409, "duplicate");
        assertEquals(1, published.times(id), "only its creation: the failed restore was rolled back");
        assertEquals(1, published.times(again));
    }

    @Test
    void aWithdrawnSubmissionIsNeverPublished() {
        TestAccount admin = Api.admin();
        Library.Partner partner = Library.partner(admin, PartnerScopes.RESOURCES_SUBMIT);
        String id = Library.withKey(partner.key()).body(Library.resource(r -> {
        })).post("/api/v1/resources").then().statusCode(201).extract().path("id");
        Library.withKey(partner.key()).delete("/api/v1/resources/" + id).then().statusCode(204);
        assertEquals(0, published.times(id));
    }

    @Test
    void aNewSeedEntryIsPublished() {
        CreateResourceRequest request = new CreateResourceRequest(ResourceType.GUIDE, "Guide " + Library.uniqueWord(),
                "What to do after discrimination at work.", Library.uniqueUrl(),
                new Organization("Example Org", "https://example.org/"), List.of(), List.of(), List.of("GB"), List.of(),
                List.of("en"), null, null, null, null, false, Cost.FREE, null);
        String key = "test-" + Library.uniqueWord();
        // Rolled back afterwards: the seed tests count the rows of the seed file.
        QuarkusTransaction.begin();
        UUID id;
        try {
            assertEquals(ResourceCuration.SeedOutcome.CREATED,
                    curation.applySeed(key, new byte[]{1}, request, Instant.parse("2024-01-01T00:00:00Z")));
            id = resources.findBySeedKey(key).orElseThrow().id();
        } finally {
            QuarkusTransaction.rollback();
        }
        assertEquals(1, published.times(id));
    }
}
