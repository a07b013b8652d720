package org.kindred.privacy.properties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A group with a cast of {@link #MEMBERS} members, a moderator, the owner and a platform admin (all registered through
 * the real API), the steps run in it so far, and what the test knows to be true (who wrote what, who reported what).
 */
final class World {

    static final int MEMBERS = 5;
    /** One in-process push service for every world (each member's endpoint is /push/<account id>). */
    static final org.kindred.push.PushService PUSH = pushService();
    static final String URGENT = "After today's meeting where they laughed at my accent again, I want to kill myself.";
    private static final String[] ROLES = {"m0", "m1", "m2", "m3", "m4", "mod", "owner", "admin"};

    record PostRecord(UUID id, int author, boolean anonymous, UUID thread) {
        UUID threadOrSelf() {
            return thread == null ? id : thread;
        }
    }

    /** What a step answered its actor. */
    record Answer(int actor, String line) {
    }

    record ReportRecord(UUID id, int reporter, String targetType, UUID targetId, String reason) {
    }

    /** Decides, for the differential worlds of I1, which steps a world leaves out (the same in both worlds). */
    interface Rules {
        Rules NONE = new Rules() {
        };

        default boolean skip(World world, Step step) {
            return false;
        }

        default boolean skipResolution(World world, UUID targetId, String action) {
            return false;
        }
    }

    final List<TestAccount> cast = new ArrayList<>();
    final List<String> markers = new ArrayList<>();
    final TestGroup group;
    final String visibility;
    final List<PostRecord> posts = new ArrayList<>();
    final List<ReportRecord> reports = new ArrayList<>();
    /** Erased cast members, and whether they asked for their content to be removed. */
    final Map<Integer, Boolean> erased = new HashMap<>();
    final Set<Integer> left = new HashSet<>();
    /** What each step answered, by step number: the actor's own observations. */
    final List<Answer> transcript = new ArrayList<>();
    /** Posts and replies the safety check held for care when they were written. */
    final Set<UUID> heldForCare = new HashSet<>();
    /** The partner's and the operators' webhook endpoints, registered before any step. */
    final WorldWebhooks webhooks;
    private final Rules rules;

    private World(String visibility, Rules rules) {
        this.visibility = visibility;
        this.rules = rules;
        for (int i = 0; i < Step.ADMIN; i++) {
            cast.add(Api.register("pp" + ROLES[i]));
        }
        cast.add(Api.admin());
        for (int i = 0; i < cast.size(); i++) {
            markers.add(marker());
        }
        for (int i = 0; i < Step.ADMIN; i++) {
            // Every member's device is woken by Web Push, so the invariants can read what a push would show.
            Api.as(cast.get(i)).body(PUSH.subscription(PUSH.endpoint(cast.get(i).id().toString())))
                    .post("/api/v1/me/push-subscriptions").then().statusCode(201);
        }
        webhooks = WorldWebhooks.register(cast.get(Step.ADMIN));
        group = Groups.create(owner(), visibility);
        for (int i = 0; i <= Step.MODERATOR; i++) {
            Groups.addMember(owner(), group, cast.get(i));
        }
        Groups.setRole(owner(), group, moderator(), "MODERATOR");
    }

    private static org.kindred.push.PushService pushService() {
        try {
            return new org.kindred.push.PushService();
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A word nobody else writes (letters only, so the safety check reads it as a word), to find someone's words. */
    private static String marker() {
        StringBuilder word = new StringBuilder("mk");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            word.append((char) ('a' + Character.digit(c, 16)));
        }
        return word.toString();
    }

    static World create(String visibility, Rules rules) {
        return new World(visibility, rules);
    }

    TestAccount owner() {
        return cast.get(Step.OWNER);
    }

    TestAccount moderator() {
        return cast.get(Step.MODERATOR);
    }

    TestAccount account(int index) {
        return cast.get(index);
    }

    static String role(int index) {
        return ROLES[index];
    }

    boolean isErased(int index) {
        return erased.containsKey(index);
    }

    PostRecord post(int index) {
        return posts.isEmpty() ? null : posts.get(index % posts.size());
    }

    String text(int actor, int step) {
        return "Step " + step + " " + markers.get(actor) + ": what the housing office said to me today.";
    }

    /** Step kinds and their answers, e.g. {@code ReportPost 201=3, Resolve 403=1} (printed with -Dkindred.properties.verbose). */
    String summary() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Answer answer : transcript) {
            String line = answer.line();
            String kind = line.substring(line.indexOf(' ') + 1, line.indexOf('['));
            counts.merge(kind + " " + line.substring(line.lastIndexOf(' ') + 1), 1, Integer::sum);
        }
        return counts.toString();
    }

    void run(List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            run(i, steps.get(i));
        }
    }

    /** Runs one step and notes its status in the transcript (-1: left out because nothing fits it yet). */
    int run(int number, Step step) {
        stepNumber = number;
        int status = rules.skip(this, step) ? -1 : apply(number, step);
        transcript.add(new Answer(step.actor(), "#" + number + " " + step + " -> " + status));
        return status;
    }

    private int apply(int number, Step step) {
        if (step.actor() >= 0 && isErased(step.actor())) {
            return -1;
        }
        if (step instanceof Step.Secret s) {
            return secretPost(s);
        }
        if (step instanceof Step.PileOn p) {
            PostRecord target = post(p.post());
            int status = -1;
            for (int i = 0, filed = 0; i < MEMBERS && filed < 3 && target != null; i++) {
                if (i != target.author() && !isErased(i)) {
                    status = report(i, "POST", target.id(), p.reason(), null);
                    filed++;
                }
            }
            return status;
        }
        TestAccount actor = cast.get(step.actor());
        PostRecord target = step.post() >= 0 ? post(step.post()) : null;
        if (step.post() >= 0 && target == null) {
            return -1;
        }
        if (step instanceof Step.Post p) {
            String text = p.urgent() ? URGENT + " " + markers.get(p.actor()) : text(p.actor(), number);
            Map<String, Object> body = Posts.body(text);
            body.put("anonymous", p.anonymous());
            Response r = Api.as(actor).body(body).post("/api/v1/groups/" + group.id() + "/posts");
            if (r.statusCode() == 201) {
                posts.add(new PostRecord(UUID.fromString(r.path("id")), p.actor(), p.anonymous(), null));
                noteHold(r);
            }
            return r.statusCode();
        }
        if (step instanceof Step.Reply p) {
            String text = p.urgent() ? URGENT + " " + markers.get(p.actor()) : text(p.actor(), number);
            Response r = Api.as(actor).body(Map.of("body", text)).post("/api/v1/posts/" + target.id() + "/replies");
            if (r.statusCode() == 201) {
                posts.add(new PostRecord(UUID.fromString(r.path("id")), p.actor(), r.path("anonymous"),
                        target.threadOrSelf()));
                noteHold(r);
            }
            return r.statusCode();
        }
        if (step instanceof Step.React) {
            return Api.as(actor).put("/api/v1/posts/" + target.id() + "/reactions/ME_TOO").statusCode();
        }
        if (step instanceof Step.Block b) {
            return b.actor() == b.target()
                    ? -1
                    : Api.as(actor).put("/api/v1/me/blocks/" + cast.get(b.target()).id()).statusCode();
        }
        if (step instanceof Step.Unblock b) {
            return b.actor() == b.target()
                    ? -1
                    : Api.as(actor).delete("/api/v1/me/blocks/" + cast.get(b.target()).id()).statusCode();
        }
        if (step instanceof Step.ReportPost p) {
            return report(p.actor(), "POST", target.id(), p.reason(), null);
        }
        if (step instanceof Step.ReportAccount p) {
            return p.actor() == p.target()
                    ? -1
                    : report(p.actor(), "ACCOUNT", cast.get(p.target()).id(), p.reason(), group.id());
        }
        if (step instanceof Step.Resolve r) {
            return resolve(r.handler(), r.item(), "RESOLVED", r.action());
        }
        if (step instanceof Step.Dismiss d) {
            return resolve(d.handler(), d.item(), "DISMISSED", null);
        }
        if (step instanceof Step.Delete) {
            return Api.as(actor).queryParam("reason", "Step " + number).delete("/api/v1/posts/" + target.id())
                    .statusCode();
        }
        if (step instanceof Step.Leave l) {
            int status = Api.as(actor).delete("/api/v1/groups/" + group.id() + "/members/" + actor.id()).statusCode();
            if (status == 204) {
                left.add(l.actor());
            }
            return status;
        }
        if (step instanceof Step.Rejoin j) {
            int status = Groups.joinWithInvite(actor, group, Groups.invite(owner(), group));
            if (status == 201) {
                left.remove(j.actor());
            }
            return status;
        }
        if (step instanceof Step.Erase e) {
            boolean removeContent = e.removeContent();
            int status = Api.as(actor).body(Map.of("password", actor.password(), "removeContent", removeContent))
                    .delete("/api/v1/me").statusCode();
            if (status == 204) {
                erased.put(e.actor(), removeContent);
            }
            return status;
        }
        throw new IllegalArgumentException("unknown step " + step);
    }

    private void noteHold(Response created) {
        if ("HELD_FOR_CARE".equals(created.path("status"))) {
            heldForCare.add(UUID.fromString(created.path("id")));
        }
    }

    /** The anonymous post of I1's differential worlds: the same text, by {@link Step.Secret#author(World)}. */
    private int secretPost(Step.Secret s) {
        int by = s.authorIn(this);
        Map<String, Object> body = Posts.body("Something happened on the bus today and nobody said anything.");
        body.put("anonymous", true);
        Response r = Api.as(cast.get(by)).body(body).post("/api/v1/groups/" + group.id() + "/posts");
        if (r.statusCode() == 201) {
            posts.add(new PostRecord(UUID.fromString(r.path("id")), by, true, null));
            secret = posts.get(posts.size() - 1);
        }
        return r.statusCode();
    }

    PostRecord secret;

    /** The last resolution or dismissal a handler tried: which step, and whether they had reported the target. */
    record Resolution(int step, int handler, UUID targetId, boolean handlerReported, int status) {
    }

    Resolution lastResolution;
    private int stepNumber;
    /** Which of the two differential worlds this is (0 or 1). */
    int side;

    private int report(int actor, String type, UUID target, String reason, UUID groupId) {
        Map<String, Object> body = new HashMap<>(Map.of("targetType", type, "targetId", target.toString(), "reason",
                reason, "details", markers.get(actor) + " reported this at step " + reports.size()));
        if (groupId != null) {
            body.put("groupId", groupId.toString());
        }
        Response r = Api.as(cast.get(actor)).body(body).post("/api/v1/reports");
        if (r.statusCode() == 201) {
            reports.add(new ReportRecord(UUID.fromString(r.path("id")), actor, type, target, reason));
        }
        return r.statusCode();
    }

    /** The handler resolves the {@code item}-th open item of the group's queue (as they see it). */
    private int resolve(int handler, int item, String status, String action) {
        JsonPath queue = Api.as(cast.get(handler)).get("/api/v1/groups/" + group.id() + "/reports").then()
                .statusCode(200).extract().jsonPath();
        List<String> items = queue.getList("items.reportId");
        if (items.isEmpty()) {
            return -1;
        }
        int k = item % items.size();
        UUID targetId = UUID.fromString(queue.getString("items[" + k + "].targetId"));
        if (action != null && rules.skipResolution(this, targetId, action)) {
            return -1;
        }
        Map<String, Object> body = new HashMap<>(Map.of("status", status, "reason", "Reviewed by " + role(handler)));
        if (action != null) {
            body.put("action", action);
        }
        boolean reported = Api.count("SELECT count(*) FROM reports WHERE target_id = ? AND status = 'OPEN' "
                + "AND reporter_id = ?", targetId, cast.get(handler).id()) > 0;
        int answer = Api.as(cast.get(handler)).body(body).patch("/api/v1/reports/" + items.get(k)).statusCode();
        lastResolution = new Resolution(stepNumber, handler, targetId, reported, answer);
        return answer;
    }

    /** The post's status as stored (the test's ground truth, not what anyone is shown). */
    String status(UUID post) {
        return string("SELECT status FROM posts WHERE id = ?", post);
    }

    static String string(String query, Object... params) {
        try (var connection = Api.dataSource().getConnection(); var ps = connection.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> strings(String query, Object... params) {
        try (var connection = Api.dataSource().getConnection(); var ps = connection.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> values = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
