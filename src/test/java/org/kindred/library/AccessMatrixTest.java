package org.kindred.library;

import static org.hamcrest.Matchers.equalTo;
import static org.kindred.support.Problems.assertProblem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kindred.library.partners.PartnerScopes;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Who may call what: anonymous callers, members, admins and partner keys, endpoint by endpoint. */
@QuarkusTest
class AccessMatrixTest {

    @Test
    void publicReadsAnswerEveryone() {
        TestAccount admin = Api.admin();
        String id = Library.create(admin, Library.resource(r -> {
        }));
        Library.Partner reader = Library.partner(admin, PartnerScopes.FEEDS_READ);
        Library.Partner submitter = Library.partner(admin, PartnerScopes.RESOURCES_SUBMIT);
        List<RequestSpecification> callers = List.of(Api.anonymous(), Api.as(Api.register("member")),
                Api.as(admin), Library.withKey(reader.key()), Library.withKey(submitter.key()));
        for (RequestSpecification caller : callers) {
            caller.get("/api/v1/resources").then().statusCode(200);
            caller.get("/api/v1/resources/" + id).then().statusCode(200).body("id", equalTo(id));
            caller.queryParam("country", "GB").get("/api/v1/resources/crisis").then().statusCode(200);
        }
        for (RequestSpecification caller : List.of(Api.anonymous(), Api.as(Api.register("member")), Api.as(admin),
                Library.withKey(reader.key()))) {
            caller.get("/api/v1/feeds/resources.json").then().statusCode(200);
            caller.get("/api/v1/feeds/resources.atom").then().statusCode(200);
        }
    }

    @Test
    void anonymousCallersCannotCurate() {
        String id = Library.create(Api.admin(), Library.resource(r -> {
        }));
        assertProblem(Api.anonymous().body(Map.of("title", "x")).patch("/api/v1/resources/" + id).then(), 401,
                "unauthenticated");
        assertProblem(Api.anonymous().delete("/api/v1/resources/" + id).then(), 401, "unauthenticated");
        assertProblem(Api.anonymous().post("/api/v1/resources/" + id + "/publish").then(), 401, "unauthenticated");
        assertProblem(Api.anonymous().post("/api/v1/resources/" + id + "/verify").then(), 401, "unauthenticated");
        assertProblem(Api.anonymous().get("/api/v1/partners").then(), 401, "unauthenticated");
    }

    @Test
    void partnerKeysCannotDoAdminWork() {
        TestAccount admin = Api.admin();
        String id = Library.create(admin, Library.resource(r -> {
        }));
        Library.Partner partner = Library.partner(admin, PartnerScopes.RESOURCES_SUBMIT, PartnerScopes.FEEDS_READ);
        // Published resources are the curators' to change, whoever submitted them.
        assertProblem(Library.withKey(partner.key()).body(Map.of("title", "x")).patch("/api/v1/resources/" + id)
                .then(), 403, "forbidden");
        assertProblem(Library.withKey(partner.key()).delete("/api/v1/resources/" + id).then(), 403, "forbidden");
        assertProblem(Library.withKey(partner.key()).post("/api/v1/resources/" + id + "/verify").then(), 401,
                "unauthenticated");
        assertProblem(Library.withKey(partner.key()).get("/api/v1/resources/" + id + "/changes").then(), 401,
                "unauthenticated");
        assertProblem(Library.withKey(partner.key()).queryParam("stale", "true").get("/api/v1/resources").then(),
                403, "forbidden");
        assertProblem(Library.withKey(partner.key()).get("/api/v1/partners/" + partner.id()).then(), 401,
                "unauthenticated");
    }
}
