package org.kindred.privacy.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.TestAccount;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import net.jqwik.api.Arbitraries;

/**
 * I7, and its neighbour for PRIVATE groups: after random steps inside a HIDDEN (or PRIVATE) group, everything an
 * outsider — someone who never belonged — tries with the group's id, slug, posts and members answers exactly as the same
 * request with ids that exist nowhere; the directory and new groups' slugs do not hint at the group either.
 */
@QuarkusTest
class HiddenGroupPropertiesTest {

    @Test
    void hiddenGroupsAndTheirPostsLookLikeNothing() {
        Sequences.check("I7 hidden means hidden", 2, Arbitraries.of("HIDDEN", "HIDDEN", "PRIVATE"),
                Step.sequences(6, 16, true), (visibility, steps) -> {
                    World world = World.create(visibility, World.Rules.NONE);
                    world.run(steps);
                    TestAccount outsider = Api.register("ppout");
                    // Held posts, and a few others (each probe is two requests; all posts would be slow).
                    List<World.PostRecord> probed = world.posts.stream()
                            .filter(p -> world.posts.indexOf(p) < 3 || !"PUBLISHED".equals(world.status(p.id())))
                            .toList();
                    for (World.PostRecord post : probed) {
                        sameAsNothing(world, outsider, post.id(), null, "/api/v1/posts/{post}",
                                "/api/v1/posts/{post}/replies");
                        sameAsNothing(world, outsider, post.id(), report("POST", "{post}", null), "/api/v1/reports");
                        sameAsNothing(world, outsider, post.id(), Map.of("body", "Hello"),
                                "/api/v1/posts/{post}/replies");
                        sameAsNothing(world, outsider, post.id(), Map.of(),
                                "PUT /api/v1/posts/{post}/reactions/ME_TOO");
                    }
                    if (visibility.equals("HIDDEN")) {
                        hiddenGroupAnswersAsNothing(world, outsider);
                    }
                });
    }

    private static void hiddenGroupAnswersAsNothing(World world, TestAccount outsider) {
        UUID group = world.group.id();
        for (String path : List.of("/api/v1/groups/{group}", "/api/v1/groups/{group}/posts",
                "/api/v1/groups/{group}/members", "/api/v1/groups/{group}/moderation-log",
                "/api/v1/groups/{group}/reports", "/api/v1/groups/{group}/invites")) {
            sameAsNothing(world, outsider, group, null, path);
        }
        sameAsNothing(world, outsider, group, Map.of("acceptRulesVersion", 1), "/api/v1/groups/{group}/members");
        sameAsNothing(world, outsider, group, Posts.thread(), "/api/v1/groups/{group}/posts");
        sameAsNothing(world, outsider, group, report("GROUP", "{group}", null), "/api/v1/reports");
        sameAsNothing(world, outsider, group,
                report("ACCOUNT", world.account(0).id().toString(), "{group}"), "/api/v1/reports");
        // The slug, as a path segment: the same answer as a slug nobody holds.
        Response bySlug = Api.as(outsider).get("/api/v1/groups/" + world.group.slug());
        Response noSlug = Api.as(outsider).get("/api/v1/groups/" + world.group.slug() + "x");
        assertEquals(noSlug.statusCode() + " " + noSlug.asString().replace(world.group.slug() + "x", "<ref>"),
                bySlug.statusCode() + " " + bySlug.asString().replace(world.group.slug(), "<ref>"),
                "I7: the hidden group's slug answers differently from a slug nobody holds");
        // Neither the directory nor a new group's slug shows that a group of this name exists.
        String word = world.group.name().substring(world.group.name().lastIndexOf(' ') + 1);
        assertFalse(Api.as(outsider).get("/api/v1/groups?q=" + word).asString().contains(group.toString()),
                "I7: the directory lists the hidden group");
        String probe = Groups.create(outsider, Groups.body(world.group.name(), "PUBLIC")).slug();
        String fresh = Groups.create(outsider, Groups.body("Group " + UUID.randomUUID().toString().substring(0, 8),
                "PUBLIC")).slug();
        assertEquals(fresh.replaceAll("-[^-]+$", ""), probe.replaceAll("-[^-]+$", ""),
                "I7: a new group's slug hints at the hidden group: " + probe + " vs " + fresh);
        assertFalse(probe.matches(".*-[0-9]+$") && !fresh.matches(".*-[0-9]+$"),
                "I7: a new group of the hidden group's name got a numbered slug: " + probe);
    }

    /** The same request with the real id and with an id that exists nowhere must answer the same, modulo the id. */
    private static void sameAsNothing(World world, TestAccount outsider, UUID real, Map<String, Object> body,
            String... templates) {
        for (String template : templates) {
            sameAsNothing(world, outsider, real, body, template);
        }
    }

    private static void sameAsNothing(World world, TestAccount outsider, UUID real, Map<String, Object> body,
            String template) {
        UUID nothing = UUID.randomUUID();
        String placeholder = template.contains("{post}") ? "{post}" : "{group}";
        String method = template.startsWith("PUT ") ? "PUT" : body == null ? "GET" : "POST";
        String path = template.replaceFirst("^PUT ", "");
        String seenReal = answer(outsider, method, path.replace(placeholder, real.toString()), body, placeholder, real);
        String seenNothing = answer(outsider, method, path.replace(placeholder, nothing.toString()), body, placeholder,
                nothing);
        assertEquals(Views.normalise(world, seenNothing.replace(nothing.toString(), "<id>")),
                Views.normalise(world, seenReal.replace(real.toString(), "<id>")),
                "I7: an outsider tells a " + world.visibility + " group's " + placeholder + " from nothing: " + method
                        + " " + template);
    }

    private static String answer(TestAccount who, String method, String path, Map<String, Object> body,
            String placeholder, UUID id) {
        RequestSpecification request = Api.as(who);
        if (body != null) {
            Map<String, Object> filled = new HashMap<>();
            body.forEach((k, v) -> filled.put(k, v instanceof String s ? s.replace(placeholder, id.toString()) : v));
            request = request.body(filled);
        }
        Response response = switch (method) {
            case "PUT" -> request.put(path);
            case "POST" -> request.post(path);
            default -> request.get(path);
        };
        return response.statusCode() + " " + response.asString();
    }

    private static Map<String, Object> report(String type, String target, String group) {
        Map<String, Object> body = new HashMap<>(Map.of("targetType", type, "targetId", target, "reason", "SPAM"));
        if (group != null) {
            body.put("groupId", group);
        }
        return body;
    }

    /** A thread body an outsider might try to post. */
    private static final class Posts {
        static Map<String, Object> thread() {
            return org.kindred.support.Posts.body("Is anyone here?");
        }
    }
}
