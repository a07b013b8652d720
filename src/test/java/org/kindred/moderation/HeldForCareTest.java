package org.kindred.moderation;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.safety.SafetyAssessment;
import org.kindred.safety.SafetyCheck;
import org.kindred.support.Api;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.ModeratedGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The safety check on every post and reply: URGENT crisis language is held for care, privately. */
@QuarkusTest
class HeldForCareTest {

    static final String URGENT = "After today's meeting where they laughed at my accent again, I want to kill myself.";
    static final String CONCERN = "Nobody would miss me if I disappeared.";

    TestAccount owner;
    TestAccount moderator;
    TestAccount author;
    TestAccount member;
    TestGroup group;

    @BeforeEach
    void group() {
        ModeratedGroup fixture = ModeratedGroup.create("hc");
        owner = fixture.owner();
        moderator = fixture.moderator();
        author = fixture.author();
        member = fixture.member();
        group = fixture.group();
        Api.as(author).contentType("application/merge-patch+json").body(Map.of("country", "GB")).patch("/api/v1/me")
                .then().statusCode(200);
    }

    private Response create(TestAccount who, String text) {
        return Api.as(who).body(Posts.body(text)).post("/api/v1/groups/" + group.id() + "/posts").then()
                .statusCode(201).extract().response();
    }

    @Test
    void anUrgentPostIsHeldForCareAndTheAuthorGetsCrisisLinesForTheirCountry() {
        Posts.post(member, group, "An ordinary post first");
        Response created = create(author, URGENT);
        UUID post = UUID.fromString(created.path("id"));
        created.then().body("status", equalTo("HELD_FOR_CARE"))
                .body("safety.crisis", equalTo("URGENT"))
                .body("safety.resources.title", hasItem("Samaritans"))
                .body("safety.resources[0].available24x7", equalTo(true));

        // Invisible to other members: not in the feed, not by id, not in the group's count, not in the public log.
        Api.as(member).get("/api/v1/groups/" + group.id() + "/posts").then().statusCode(200)
                .body("items.id", not(hasItem(post.toString())));
        Api.as(member).get("/api/v1/posts/" + post).then().statusCode(404);
        Api.as(member).get("/api/v1/groups/" + group.id()).then().body("postCount", equalTo(1));
        String log = Api.as(member).get("/api/v1/groups/" + group.id() + "/moderation-log").then().statusCode(200)
                .extract().asString();
        assertFalse(log.contains(post.toString()), "nothing about the signal reaches other members");
        Api.as(member).body(Map.of("body", "Replying to it")).post("/api/v1/posts/" + post + "/replies").then()
                .statusCode(404);

        // The author sees it, held, with no safety field on later reads.
        Api.as(author).get("/api/v1/posts/" + post).then().statusCode(200).body("status", equalTo("HELD_FOR_CARE"))
                .body("$", not(org.hamcrest.Matchers.hasKey("safety")));
        Api.as(author).get("/api/v1/groups/" + group.id() + "/posts").then()
                .body("items.id", hasItem(post.toString()));

        // Moderators see it first in their queue, as a wellbeing concern raised by the safety check.
        String reportId = Api.as(moderator).get("/api/v1/groups/" + group.id() + "/reports").then().statusCode(200)
                .body("items[0].targetId", equalTo(post.toString()))
                .body("items[0].priority", equalTo(0))
                .body("items[0].sources", equalTo(List.of("SAFETY_CHECK")))
                .body("items[0].reasons", equalTo(List.of("WELLBEING_CONCERN")))
                .body("items[0].post.body", equalTo(URGENT))
                .extract().path("items[0].reportId");
        Api.as(moderator).get("/api/v1/posts/" + post).then().statusCode(200).body("status", equalTo("HELD_FOR_CARE"));

        // A moderator may release it after reaching out; then it is an ordinary post.
        Api.as(moderator)
                .body(Map.of("status", "RESOLVED", "action", "RESTORE_POST", "note", "Reached out; ok to show"))
                .patch("/api/v1/reports/" + reportId).then().statusCode(200);
        Api.as(member).get("/api/v1/posts/" + post).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        Api.as(member).get("/api/v1/groups/" + group.id()).then().body("postCount", equalTo(2));
    }

    @Test
    void repliesAndEditsAreCheckedToo() {
        UUID thread = Posts.post(member, group, "How do you all cope after a day like this?");
        Response reply = Api.as(author).body(Map.of("body", URGENT)).post("/api/v1/posts/" + thread + "/replies")
                .then().statusCode(201).body("status", equalTo("HELD_FOR_CARE"))
                .body("safety.crisis", equalTo("URGENT")).extract().response();
        Api.as(member).get("/api/v1/posts/" + thread + "/replies").then().statusCode(200)
                .body("items.id", not(hasItem(reply.<String>path("id"))));
        Api.as(member).get("/api/v1/posts/" + thread).then().body("replyCount", equalTo(0));

        UUID post = Posts.post(author, group, "A hard week at work");
        Api.as(author).contentType("application/merge-patch+json").body(Map.of("body", URGENT))
                .patch("/api/v1/posts/" + post).then().statusCode(200).body("status", equalTo("HELD_FOR_CARE"))
                .body("safety.crisis", equalTo("URGENT"));
        Api.as(member).get("/api/v1/posts/" + post).then().statusCode(404);
        assertEquals(1, Api.count("SELECT count(*) FROM reports WHERE target_id = ? AND source = 'SAFETY_CHECK'"
                + " AND status = 'OPEN'", post));
    }

    @Test
    void distressIsPublishedWithCrisisLinesAndCalmTextWithNone() {
        create(author, CONCERN).then().body("status", equalTo("PUBLISHED")).body("safety.crisis", equalTo("CONCERN"))
                .body("safety.resources", not(empty()));
        create(author, "I would never kill myself, but some days at work are really hard.").then()
                .body("status", equalTo("PUBLISHED")).body("safety.crisis", equalTo("NONE"))
                .body("safety.resources", empty());
        create(author, "Call me on +44 20 7946 0958 if you want to talk about the tribunal.").then()
                .body("status", equalTo("PUBLISHED")).body("safety.personalInfo[0].kind", equalTo("PHONE"));
    }

    @Test
    void distressShortOfUrgentReachesTheModeratorsBelowThePostsHeldForCare() {
        UUID concern = UUID.fromString(create(author, CONCERN).then().statusCode(201)
                .body("status", equalTo("PUBLISHED")).extract().path("id"));
        UUID held = UUID.fromString(create(member, URGENT).then().statusCode(201).extract().path("id"));
        UUID calm = UUID.fromString(create(member, "Just an ordinary update about my week.").then().statusCode(201)
                .extract().path("id"));

        // Both are care (priority 0); the post held for care comes first, the published CONCERN right after.
        Api.as(moderator).get("/api/v1/groups/" + group.id() + "/reports").then().statusCode(200)
                .body("items.targetId", equalTo(List.of(held.toString(), concern.toString())))
                .body("items.priority", equalTo(List.of(0, 0)))
                .body("items[1].sources", equalTo(List.of("SAFETY_CHECK")))
                .body("items[1].reasons", equalTo(List.of("WELLBEING_CONCERN")))
                .body("items[1].post.body", equalTo(CONCERN));
        // Nothing reaches other members: the post stays published as written, and no care note says someone worried.
        Api.as(member).get("/api/v1/posts/" + concern).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        Api.as(author).get("/api/v1/me/care").then().statusCode(200).body("notes", empty());
        assertEquals(0, Api.count("SELECT count(*) FROM reports WHERE target_id = ?", calm));
        // Page by page, the order holds (the cursor carries the care rank).
        String cursor = Api.as(moderator).queryParam("limit", 1).get("/api/v1/groups/" + group.id() + "/reports")
                .then().body("items[0].targetId", equalTo(held.toString())).extract().path("nextCursor");
        Api.as(moderator).queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/api/v1/groups/" + group.id() + "/reports").then()
                .body("items[0].targetId", equalTo(concern.toString()));
    }

    @Test
    void whenTheCheckCannotRunThePostIsHeldNotPublished() {
        QuarkusMock.installMockForType(new SafetyCheck() {
            @Override
            public SafetyAssessment assess(String text, String languageHint) {
                throw new IllegalStateException("lexicon unavailable");
            }
        }, SafetyCheck.class);
        Response created = create(author, "Just an ordinary update about my week.");
        created.then().body("status", equalTo("HELD_FOR_CARE")).body("safety.crisis", equalTo("URGENT"))
                .body("safety.resources", not(empty()));
        Api.as(member).get("/api/v1/posts/" + created.path("id")).then().statusCode(404);
        assertEquals(1, Api.count("SELECT count(*) FROM reports WHERE target_id = ? AND source = 'SAFETY_CHECK'",
                UUID.fromString(created.path("id"))));
    }
}
