package org.kindred.platform;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Formatter;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.Groups;
import org.kindred.support.Groups.TestGroup;
import org.kindred.support.LogCapture;
import org.kindred.support.Posts;
import org.kindred.support.TestAccount;
import org.kindred.support.mail.TestMailServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The prod log format (JSON, as in the %prod profile) over a sign-up, sign-in, session and admin flow: every line is
 * one JSON object, lines written for a request carry its id, and nothing personal or secret appears. Our own code
 * logs at DEBUG here, so even its debug output is held to the rule.
 */
@QuarkusTest
@TestProfile(JsonLogPrivacyTest.ProdJsonLogs.class)
class JsonLogPrivacyTest {

    public static class ProdJsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.console.json.enabled", "true",
                    "quarkus.log.category.\"org.kindred\".level", "DEBUG");
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void jsonLogLinesOfAnAccountFlowCarryRequestIdsAndNoPersonalData() throws Exception {
        TestAccount admin = Api.admin();
        String handle = Api.uniqueHandle("priv");
        String email = Api.uniqueEmail(handle);
        String displayName = "Ayesha Rahman-" + handle;
        String newPassword = "quartz-lantern-meadow-5577";
        String forgedToken = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJmb3JnZWQifQ.forged-signature-" + handle;
        List<String> secrets = new ArrayList<>(List.of(email, Api.PASSWORD, newPassword, displayName, forgedToken));

        try (LogCapture logs = LogCapture.start()) {
            TestAccount registered = Api.registerWith(Map.of("email", email, "password", Api.PASSWORD, "handle", handle,
                    "displayName", displayName, "acceptGuidelinesVersion", 1));
            String access = registered.accessToken();
            String refresh = registered.refreshToken();
            secrets.addAll(List.of(access, refresh));
            secrets.add(TestMailServer.await(email).token());
            // The address has an account now: a second registration answers alike, and mails its owner a notice.
            Api.anonymous().body(Map.of("email", email, "password", Api.PASSWORD, "handle", Api.uniqueHandle("logdup"),
                    "acceptGuidelinesVersion", 1)).post("/api/v1/auth/register").then().statusCode(202);
            TestMailServer.awaitNth(email, 2);
            Api.anonymous().body(Map.of("email", email, "password", "wrong-" + Api.PASSWORD))
                    .post("/api/v1/auth/login").then().statusCode(401);
            Response refreshed = Api.anonymous().body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh")
                    .then().statusCode(200).extract().response();
            secrets.addAll(List.of(refreshed.path("accessToken"), refreshed.path("refreshToken")));
            Api.anonymous().body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh").then().statusCode(401);
            Api.anonymous().header("Authorization", "Bearer " + forgedToken).get("/api/v1/me").then().statusCode(401);
            Response login = Api.anonymous().body(Map.of("email", email, "password", Api.PASSWORD))
                    .post("/api/v1/auth/login").then().statusCode(200).extract().response();
            String token = login.path("accessToken");
            secrets.addAll(List.of(token, login.path("refreshToken")));
            Api.anonymous().auth().oauth2(token)
                    .body(Map.of("currentPassword", Api.PASSWORD, "newPassword", newPassword))
                    .put("/api/v1/me/password").then().statusCode(204);
            String id = Api.anonymous().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).extract()
                    .path("id");
            Api.as(admin).header("X-Request-Id", "privacy-flow-1").body(Map.of("status", "SUSPENDED"))
                    .patch("/api/v1/admin/accounts/" + id).then().statusCode(200);
            Api.anonymous().auth().oauth2(token).post("/api/v1/auth/logout").then().statusCode(401);
            // A partner's API key: neither the secret nor the part of it shown as the key's prefix is logged.
            String partnerId = Api.as(admin).body(Map.of("name", "Log partner " + handle, "contactEmail",
                    "web@" + handle + ".example")).post("/api/v1/partners").then().statusCode(201).extract().path("id");
            Response issued = Api.as(admin).body(Map.of("name", "website feed", "scopes", List.of("feeds:read")))
                    .post("/api/v1/partners/" + partnerId + "/keys").then().statusCode(201).extract().response();
            secrets.addAll(List.of(issued.<String>path("apiKey"), issued.<String>path("key.prefix").substring(4)));

            Formatter formatter = logs.consoleFormatter().orElseThrow();
            List<String> lines = logs.records().stream().map(formatter::format).toList();
            assertTrue(lines.size() >= 5, "the flow logs something to check: " + lines);
            boolean taggedAdminLine = false;
            int ownLines = 0;
            for (String line : lines) {
                JsonNode entry = json.readTree(line);
                assertTrue(entry.isObject() && entry.hasNonNull("message") && entry.hasNonNull("level"),
                        "one JSON object per line: " + line);
                for (String secret : secrets) {
                    assertFalse(line.contains(secret), "log line contains personal data or a secret: " + line);
                }
                assertFalse(line.contains("Bearer") || line.toLowerCase().contains("authorization:"),
                        "no Authorization header in logs: " + line);
                if (entry.path("loggerName").asText().startsWith("org.kindred.")) {
                    // Everything our code logged here was logged while serving a request.
                    ownLines++;
                    assertTrue(entry.path("mdc").path("requestId").asText().length() > 0,
                            "a line written for a request carries its id: " + line);
                }
                if (entry.path("message").asText().startsWith("Admin updated account")) {
                    taggedAdminLine = "privacy-flow-1".equals(entry.path("mdc").path("requestId").asText());
                }
            }
            assertTrue(taggedAdminLine, "the admin change is logged with its request id: " + lines);
            assertTrue(ownLines >= 2, "the flow's 4xx answers are logged at DEBUG: " + lines);
        }
    }

    /**
     * The whole life of two members, with the failures a client really causes: everything written to the log while it
     * runs is held against the e-mails, passwords, tokens, password hashes (as stored), display names, post titles and
     * bodies, report details and moderators' notes it used.
     */
    @Test
    void aFullMemberLifeLogsNoPersonalData() throws Exception {
        String tag = Api.uniqueHandle("life");
        List<String> secrets = new ArrayList<>();
        List<String> hashes = new ArrayList<>();

        try (LogCapture logs = LogCapture.start()) {
            TestAccount owner = registered("lifeown", "Mariam Haddad " + tag, secrets);
            TestAccount member = registered("lifemem", "Tomasz Nowak " + tag, secrets);
            TestAccount other = registered("lifeoth", "Amara Okafor " + tag, secrets);
            Api.anonymous().body(Map.of("email", member.email(), "password", "wrong-" + member.password()))
                    .post("/api/v1/auth/login").then().statusCode(401);
            member = Api.login(member);
            secrets.addAll(List.of(member.accessToken(), member.refreshToken()));
            Response refreshed = Api.anonymous().body(Map.of("refreshToken", member.refreshToken()))
                    .post("/api/v1/auth/refresh").then().statusCode(200).extract().response();
            member = member.withTokens(refreshed.path("accessToken"), refreshed.path("refreshToken"));
            secrets.addAll(List.of(member.accessToken(), member.refreshToken()));

            // Profile changes, a wrong current password and a password change.
            String newDisplayName = "T. Nowak-Kowalska " + tag;
            String newEmail = "renamed-" + member.email();
            secrets.addAll(List.of(newDisplayName, newEmail));
            Api.as(member).contentType("application/merge-patch+json").body(Map.of("displayName", newDisplayName))
                    .patch("/api/v1/me").then().statusCode(200);
            Api.as(member).contentType("application/merge-patch+json")
                    .body(Map.of("email", newEmail, "currentPassword", "not-" + member.password()))
                    .patch("/api/v1/me").then().statusCode(403);
            Api.as(member).contentType("application/merge-patch+json")
                    .body(Map.of("email", newEmail, "currentPassword", member.password())).patch("/api/v1/me").then()
                    .statusCode(200);
            String changeToken = TestMailServer.await(newEmail).token();
            secrets.add(changeToken);
            Api.anonymous().body(Map.of("token", changeToken)).post("/api/v1/auth/email-change/confirm").then()
                    .statusCode(204);
            secrets.add(TestMailServer.awaitNth(member.email(), 2).token()); // the undo link, to the old address
            String newPassword = "cobalt-harbour-lichen-" + tag;
            secrets.add(newPassword);
            Api.as(member).body(Map.of("currentPassword", "not-" + member.password(), "newPassword", newPassword))
                    .put("/api/v1/me/password").then().statusCode(403);
            Api.as(member).body(Map.of("currentPassword", member.password(), "newPassword", newPassword))
                    .put("/api/v1/me/password").then().statusCode(204);

            // A group, a member, posts (one anonymous), a reply, a reaction.
            TestGroup group = Groups.create(owner, "PUBLIC");
            assertEquals(201, Groups.join(member, group));
            assertEquals(201, Groups.join(other, group));
            String title = "At the job centre " + tag;
            String body = "The clerk told me to go back where I came from " + tag;
            String anonymousTitle = "Nobody may know this " + tag;
            String anonymousBody = "My landlord refused me because of my headscarf " + tag;
            String reply = "I believe you, and this is what helped me " + tag;
            secrets.addAll(List.of(title, body, anonymousTitle, anonymousBody, reply));
            Map<String, Object> story = Posts.body(body);
            story.put("title", title);
            UUID post = Posts.post(member, group, story);
            Map<String, Object> secret = Posts.body(anonymousBody);
            secret.put("title", anonymousTitle);
            secret.put("anonymous", true);
            Posts.post(member, group, secret);
            UUID answer = Posts.reply(other, post, reply);
            Api.as(owner).put("/api/v1/posts/" + post + "/reactions/I_BELIEVE_YOU").then().statusCode(200);
            Api.as(member).get("/api/v1/groups/" + group.id() + "/posts").then().statusCode(200);

            // A report, resolved by the group's owner.
            String details = "They quoted my street and house number " + tag;
            String note = "Checked with the member by message " + tag;
            secrets.addAll(List.of(details, note));
            String report = Api.as(member)
                    .body(Map.of("targetType", "POST", "targetId", answer.toString(), "reason", "PRIVACY", "details",
                            details))
                    .post("/api/v1/reports").then().statusCode(201).extract().path("id");
            Api.as(owner).get("/api/v1/groups/" + group.id() + "/reports").then().statusCode(200);
            Api.as(owner).body(Map.of("status", "RESOLVED", "action", "HIDE_POST", "note", note))
                    .patch("/api/v1/reports/" + report).then().statusCode(200);

            // A keyword rule that refuses a post.
            String phrase = "zqblockedphrase" + tag.replace("_", "");
            Api.as(owner).body(Map.of("phrase", phrase, "action", "BLOCK"))
                    .post("/api/v1/groups/" + group.id() + "/keyword-rules").then().statusCode(201);
            String refused = "I want to say " + phrase + " about my neighbour " + tag;
            secrets.add(refused);
            Api.as(member).body(Posts.body(refused)).post("/api/v1/groups/" + group.id() + "/posts").then()
                    .statusCode(422);

            // Requests a client gets wrong, carrying personal data in their bodies.
            String inBrokenJson = "my diagnosis is private " + tag;
            secrets.add(inBrokenJson);
            Api.as(member).body("{\"title\": \"" + inBrokenJson + "\", \"body\": ")
                    .post("/api/v1/groups/" + group.id() + "/posts").then().statusCode(400);
            Api.as(member).body("{\"title\": \"" + inBrokenJson + "\", \"body\": 5, \"anonymous\": \"yes\"}")
                    .post("/api/v1/groups/" + group.id() + "/posts").then().statusCode(400);
            Api.anonymous().body("{\"email\": \"" + owner.email() + "\", \"password\": \"" + owner.password())
                    .post("/api/v1/auth/login").then().statusCode(400);
            Api.anonymous().body(Map.of("email", owner.email(), "password", owner.password(), "handle", owner.handle(),
                    "acceptGuidelinesVersion", 1)).post("/api/v1/auth/register").then().statusCode(409);
            Api.anonymous().body(Map.of("email", owner.email())).post("/api/v1/auth/password-reset").then()
                    .statusCode(202);
            String resetToken = TestMailServer.awaitNth(owner.email(), 2).token();
            secrets.add(resetToken);
            Api.anonymous().body(Map.of("token", resetToken, "newPassword", "short")).post(
                    "/api/v1/auth/password-reset/confirm").then().statusCode(400);

            // An incident journal: an entry, an edit, a date in the future and a broken body, all with personal words.
            String incident = "My landlord called me a slur at the door " + tag;
            String witness = "Neighbour Ingrid Solberg " + tag;
            String edited = "He repeated it the next morning " + tag;
            String future = "This has not happened yet " + tag;
            secrets.addAll(List.of(incident, witness, edited, future));
            String entry = Api.as(member).body(Map.of("whatHappened", incident, "witnesses", witness, "date",
                    "2026-02-01", "area", "HOUSING")).post("/api/v1/me/journal/entries").then().statusCode(201)
                    .extract().path("id");
            Api.as(member).body(Map.of("whatHappened", edited)).patch("/api/v1/me/journal/entries/" + entry).then()
                    .statusCode(200);
            Api.as(member).body(Map.of("whatHappened", future, "date", "2999-01-01", "area", "HOUSING"))
                    .post("/api/v1/me/journal/entries").then().statusCode(422);
            Api.as(member).body("{\"whatHappened\": \"" + future + "\", \"area\": ")
                    .post("/api/v1/me/journal/entries").then().statusCode(400);
            Api.as(member).get("/api/v1/me/journal/entries/" + entry).then().statusCode(200);

            // Export, then erasure (a wrong password first; the last owner of a group must hand it over first).
            Api.as(member).get("/api/v1/me/export").then().statusCode(200).body(containsString(newEmail));
            hashes.add(passwordHash(owner.id()));
            hashes.add(passwordHash(member.id()));
            Api.as(member).body(Map.of("password", member.password(), "removeContent", false)).delete("/api/v1/me")
                    .then().statusCode(403);
            Api.as(owner).body(Map.of("password", owner.password(), "removeContent", true)).delete("/api/v1/me")
                    .then().statusCode(409);
            Api.as(member).body(Map.of("password", newPassword, "removeContent", false)).delete("/api/v1/me").then()
                    .statusCode(204);
            Api.as(member).get("/api/v1/me").then().statusCode(401);

            List<String> lines = assertLinesArePrivate(logs, secrets, hashes);
            assertTrue(lines.stream().anyMatch(l -> l.contains("wrong-password")),
                    "the failed requests are logged at DEBUG, so they were checked: " + lines);
        }
    }

    private static TestAccount registered(String prefix, String displayName, List<String> secrets) {
        String handle = Api.uniqueHandle(prefix);
        TestAccount account = Api.registerWith(Map.of("email", Api.uniqueEmail(handle), "password", Api.PASSWORD,
                "handle", handle, "displayName", displayName, "acceptGuidelinesVersion", 1));
        secrets.addAll(List.of(account.email(), account.password(), displayName, account.accessToken(),
                account.refreshToken()));
        return account;
    }

    private static String passwordHash(UUID account) throws java.sql.SQLException {
        try (var connection = Api.dataSource().getConnection();
                var ps = connection.prepareStatement("SELECT password_hash FROM accounts WHERE id = ?")) {
            ps.setObject(1, account);
            try (var rs = ps.executeQuery()) {
                assertTrue(rs.next());
                String hash = rs.getString(1);
                assertTrue(hash.startsWith("$argon2"), "a stored Argon2 hash to look for");
                return hash;
            }
        }
    }

    /** Every captured line as the prod JSON formatter writes it, checked; returns the lines. */
    private List<String> assertLinesArePrivate(LogCapture logs, List<String> secrets, List<String> hashes)
            throws Exception {
        Formatter formatter = logs.consoleFormatter().orElseThrow();
        List<String> lines = logs.records().stream().map(formatter::format).toList();
        assertTrue(lines.size() >= 5, "the flow logs something to check: " + lines);
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertTrue(entry.isObject() && entry.hasNonNull("message") && entry.hasNonNull("level"),
                    "one JSON object per line: " + line);
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "log line contains personal data or a secret (" + secret + "): "
                        + line);
            }
            for (String hash : hashes) {
                assertFalse(line.contains(hash) || line.contains(hash.substring(hash.lastIndexOf('$') + 1)),
                        "log line contains a password hash: " + line);
            }
            assertFalse(line.contains("$argon2"), "log line contains a password hash: " + line);
            assertFalse(line.contains("Bearer") || line.toLowerCase().contains("authorization:"),
                    "no Authorization header in logs: " + line);
            if (entry.path("loggerName").asText().startsWith("org.kindred.")) {
                assertTrue(entry.path("mdc").path("requestId").asText().length() > 0,
                        "a line written for a request carries its id: " + line);
            }
        }
        return lines;
    }
}
