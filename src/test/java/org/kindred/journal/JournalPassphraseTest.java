package org.kindred.journal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.journal.Journals.ENTRIES;
import static org.kindred.support.Problems.assertProblem;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kindred.platform.security.PasswordHasher;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The optional member-chosen journal passphrase, through the HTTP API: set, change and remove it; every journal
 * request needs it once set (401 without or with a wrong one); the service's key-encryption key alone no longer opens
 * the journal; KEK rotation, erasure, the data export and reminders still work.
 */
@QuarkusTest
class JournalPassphraseTest {

    static final String JOURNAL = "/api/v1/me/journal";
    static final String PASSPHRASE = "/api/v1/me/journal/passphrase";
    static final String HEADER = "Kindred-Journal-Passphrase";
    static final String SECRET = "kettle orbit thimble lantern";

    @Inject
    JournalVault vault;
    @Inject
    KeyEncryptionKeys keks;
    @Inject
    PasswordHasher argon2;
    @Inject
    JournalReminders reminders;

    static String encoded(String passphrase) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(passphrase.getBytes(StandardCharsets.UTF_8));
    }

    static RequestSpecification with(TestAccount who, String passphrase) {
        return Api.as(who).header(HEADER, encoded(passphrase));
    }

    static Map<String, Object> set(String passphrase, String current) {
        Map<String, Object> body = new HashMap<>();
        body.put("passphrase", passphrase);
        body.put("acknowledgeLossIsPermanent", true);
        if (current != null) {
            body.put("currentPassphrase", current);
        }
        return body;
    }

    static void protect(TestAccount who, String passphrase) {
        Api.as(who).body(set(passphrase, null)).put(PASSPHRASE).then().statusCode(200)
                .body("passphraseSet", equalTo(true));
    }

    @Test
    void aPassphraseIsSetChangedAndRemovedAndEveryReadNeedsItMeanwhile() {
        TestAccount member = Api.register("jpset");
        String id = Journals.createId(member, "Told my accent was unprofessional");
        Api.as(member).get(JOURNAL).then().statusCode(200).body("passphraseSet", equalTo(false))
                .body("passphraseSetAt", nullValue());

        Response set = Api.as(member).body(set(SECRET, null)).put(PASSPHRASE).then().statusCode(200)
                .body("passphraseSet", equalTo(true)).body("passphraseSetAt", notNullValue())
                .body("entries", equalTo(1)).body("chainLength", equalTo(1)).extract().response();
        // The summary holds nothing encrypted: it answers without the passphrase.
        Api.as(member).get(JOURNAL).then().statusCode(200).body("passphraseSet", equalTo(true))
                .body("chainHead", equalTo(set.path("chainHead")));

        assertProblem(Api.as(member).get(ENTRIES + "/" + id).then(), 401, "journal-locked")
                .header("WWW-Authenticate", containsString(HEADER))
                .body("detail", containsString(HEADER));
        assertProblem(Api.as(member).get(ENTRIES).then(), 401, "journal-locked");
        assertProblem(with(member, "kettle orbit thimble lanterns").get(ENTRIES + "/" + id).then(), 401,
                "wrong-journal-passphrase").header("WWW-Authenticate", containsString(HEADER));
        with(member, SECRET).get(ENTRIES + "/" + id).then().statusCode(200)
                .body("incident.whatHappened", equalTo("Told my accent was unprofessional"));
        with(member, SECRET).get(ENTRIES).then().statusCode(200).body("items.size()", equalTo(1));
        // Writing needs it too, and what is written reads back with it.
        assertProblem(Api.as(member).body(Journals.body("Second incident")).post(ENTRIES).then(), 401,
                "journal-locked");
        String second = with(member, SECRET).body(Journals.body("Second incident")).post(ENTRIES).then()
                .statusCode(201).extract().path("id");
        assertProblem(Api.as(member).body(Map.of("impact", "worse")).patch(ENTRIES + "/" + second).then(), 401,
                "journal-locked");
        with(member, SECRET).body(Map.of("impact", "worse")).patch(ENTRIES + "/" + second).then().statusCode(200)
                .body("version", equalTo(2));
        assertProblem(Api.as(member).delete(ENTRIES + "/" + second).then(), 401, "journal-locked");
        with(member, SECRET).get(ENTRIES + "/" + second).then().statusCode(200).body("incident.impact",
                equalTo("worse"));

        // Changing it needs the current one, in the body or the header.
        String next = "saffron glacier quill 42";
        assertProblem(Api.as(member).body(set(next, null)).put(PASSPHRASE).then(), 401, "journal-locked");
        assertProblem(Api.as(member).body(set(next, "not the passphrase")).put(PASSPHRASE).then(), 401,
                "wrong-journal-passphrase");
        with(member, SECRET).get(ENTRIES + "/" + id).then().statusCode(200);
        Api.as(member).body(set(next, SECRET)).put(PASSPHRASE).then().statusCode(200)
                .body("passphraseSet", equalTo(true));
        assertProblem(with(member, SECRET).get(ENTRIES + "/" + id).then(), 401, "wrong-journal-passphrase");
        with(member, next).get(ENTRIES + "/" + id).then().statusCode(200);
        String third = "third passphrase, via the header";
        with(member, next).body(set(third, null)).put(PASSPHRASE).then().statusCode(200);
        with(member, third).delete(ENTRIES + "/" + second).then().statusCode(204);

        // Removing it needs it; afterwards nothing does.
        assertProblem(Api.as(member).delete(PASSPHRASE).then(), 401, "journal-locked");
        assertProblem(with(member, next).delete(PASSPHRASE).then(), 401, "wrong-journal-passphrase");
        with(member, third).delete(PASSPHRASE).then().statusCode(200).body("passphraseSet", equalTo(false))
                .body("passphraseSetAt", nullValue()).body("entries", equalTo(1));
        Api.as(member).get(ENTRIES + "/" + id).then().statusCode(200)
                .body("incident.whatHappened", equalTo("Told my accent was unprofessional"));
        // A stale header on an unprotected journal is ignored.
        with(member, third).get(ENTRIES + "/" + id).then().statusCode(200);
        assertProblem(Api.as(member).delete(PASSPHRASE).then(), 409, "no-journal-passphrase");
    }

    @Test
    void thePassphraseIsComparedAfterUnicodeNormalisationAndWorksBeforeTheFirstEntry() {
        TestAccount member = Api.register("jpuni");
        String composed = "Çà et là, ﬁn de journée 🌙";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertNotEquals(composed, decomposed);
        protect(member, composed);
        String id = with(member, decomposed).body(Journals.body("Written after the passphrase")).post(ENTRIES)
                .then().statusCode(201).extract().path("id");
        with(member, composed).get(ENTRIES + "/" + id).then().statusCode(200);
        // Standard base64 with padding is accepted as well.
        Api.as(member).header(HEADER, Base64.getEncoder().encodeToString(composed.getBytes(StandardCharsets.UTF_8)))
                .get(ENTRIES + "/" + id).then().statusCode(200);
    }

    @Test
    void badInputIs400AndChangesNothing() {
        TestAccount member = Api.register("jpbad");
        Journals.createId(member, "Something that happened");
        Map<String, Object> noAck = set(SECRET, null);
        noAck.remove("acknowledgeLossIsPermanent");
        assertProblem(Api.as(member).body(noAck).put(PASSPHRASE).then(), 400, "validation")
                .body("errors.field", org.hamcrest.Matchers.hasItem("acknowledgeLossIsPermanent"));
        Map<String, Object> falseAck = set(SECRET, null);
        falseAck.put("acknowledgeLossIsPermanent", false);
        assertProblem(Api.as(member).body(falseAck).put(PASSPHRASE).then(), 400, "validation")
                .body("detail", containsString("lost"));
        Map<String, Object> wrongType = set(SECRET, null);
        wrongType.put("acknowledgeLossIsPermanent", List.of(true));
        assertProblem(Api.as(member).body(wrongType).put(PASSPHRASE).then(), 400, "validation")
                .body("errors.field", org.hamcrest.Matchers.hasItem("acknowledgeLossIsPermanent"));
        assertProblem(Api.as(member).body(set("too short", null)).put(PASSPHRASE).then(), 400, "validation");
        assertProblem(Api.as(member).body(set("x".repeat(1025), null)).put(PASSPHRASE).then(), 400, "validation");
        Map<String, Object> unknown = set(SECRET, null);
        unknown.put("hint", "my cat's name");
        assertProblem(Api.as(member).body(unknown).put(PASSPHRASE).then(), 400, "validation")
                .body("errors.field", org.hamcrest.Matchers.hasItem("hint"));
        assertProblem(Api.as(member).contentType("application/json").body("{\"passphrase\": ").put(PASSPHRASE)
                .then(), 400, "malformed-json");
        Api.as(member).contentType("text/plain").body(SECRET).put(PASSPHRASE).then().statusCode(415);
        Api.as(member).get(JOURNAL).then().body("passphraseSet", equalTo(false));

        protect(member, SECRET);
        // Not base64url, or not UTF-8 once decoded, or too long: 400 naming the header, never a 401 guess.
        for (String header : List.of("%%%not-base64%%%", Base64.getUrlEncoder().encodeToString(new byte[]{
                (byte) 0xC3, (byte) 0x28}), "QQ".repeat(4000))) {
            assertProblem(Api.as(member).header(HEADER, header).get(ENTRIES).then(), 400, "validation")
                    .body("errors[0].field", equalTo(HEADER));
        }
    }

    @Test
    void attachmentsExportsDeadlinesAndReminderPlansNeedThePassphraseTooButRemindersStillArrive() {
        TestAccount member = Api.register("jpall");
        LocalDate incident = LocalDate.now(ZoneId.of("Europe/London")).minusDays(10);
        Map<String, Object> body = Journals.body("Refused a flat viewing after they heard my name");
        body.put("date", incident.toString());
        body.put("time", null);
        String id = Api.as(member).body(body).post(ENTRIES).then().statusCode(201).extract().path("id");
        String attachment = Api.as(member).contentType("text/plain").body("the letting agent's e-mail")
                .queryParam("filename", "email.txt").post(ENTRIES + "/" + id + "/attachments").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> plan = Map.of("country", "GB", "subdivision", "GB-ENG", "timeZone", "Europe/London");
        Api.as(member).body(plan).put(ENTRIES + "/" + id + "/reminders").then().statusCode(200);
        protect(member, SECRET);

        String attachments = ENTRIES + "/" + id + "/attachments";
        for (String path : List.of(attachments, attachments + "/" + attachment,
                attachments + "/" + attachment + "/content", "/api/v1/me/journal/export",
                ENTRIES + "/" + id + "/reminders")) {
            assertProblem(Api.as(member).get(path).then(), 401, "journal-locked");
            with(member, SECRET).get(path).then().statusCode(200);
        }
        assertProblem(Api.as(member).queryParam("country", "GB").get(ENTRIES + "/" + id + "/deadlines").then(),
                401, "journal-locked");
        with(member, SECRET).queryParam("country", "GB").get(ENTRIES + "/" + id + "/deadlines").then()
                .statusCode(200);
        assertProblem(Api.as(member).contentType("text/plain").body("more").queryParam("filename", "b.txt")
                .post(attachments).then(), 401, "journal-locked");
        assertProblem(Api.as(member).delete(attachments + "/" + attachment).then(), 401, "journal-locked");
        assertProblem(Api.as(member).body(plan).put(ENTRIES + "/" + id + "/reminders").then(), 401,
                "journal-locked");
        assertProblem(Api.as(member).delete(ENTRIES + "/" + id + "/reminders").then(), 401, "journal-locked");
        with(member, SECRET).get(attachments + "/" + attachment + "/content").then().statusCode(200)
                .body(equalTo("the letting agent's e-mail"));
        with(member, SECRET).queryParam("format", "signed").get("/api/v1/me/journal/export").then()
                .statusCode(200).body("document.entries[0].revisions[0].incident.whatHappened",
                        equalTo("Refused a flat viewing after they heard my name"));

        // Reminders are content-free and their dates are stored in clear: they arrive without the passphrase.
        List<Map<String, Object>> planned = with(member, SECRET).get(ENTRIES + "/" + id + "/reminders").then()
                .statusCode(200).extract().path("reminders");
        Instant first = planned.stream().map(r -> Instant.parse((String) r.get("at"))).sorted().findFirst()
                .orElseThrow();
        reminders.runOnce(first.plusSeconds(60));
        Api.as(member).get("/api/v1/me/notifications").then().statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.hasItem("JOURNAL_DEADLINE"));
    }

    @Test
    void withTheKeyEncryptionKeyAloneTheOperatorCannotOpenTheJournal() {
        TestAccount member = Api.register("jpkek");
        UUID id = UUID.fromString(Journals.createId(member, "What the operator must not read"));
        protect(member, SECRET);
        byte[] content = bytes("SELECT content FROM journal_revisions WHERE entry_id = '" + id + "'");
        byte[] wrapped = bytes("SELECT wrapped_key FROM journals WHERE account_id = '" + member.id() + "'");
        String kekId = text("SELECT kek_id FROM journals WHERE account_id = '" + member.id() + "'");

        // Everything an operator has: the database and every KEK. The KEK's layer opens, and holds no data key.
        byte[] inner = Aead.open(keks.byId(kekId).orElseThrow(), JournalVault.aad(member.id()), wrapped);
        assertEquals(12 + 32 + 16, inner.length, "the data key sealed with the passphrase's key");
        assertThrows(IllegalStateException.class, () -> Aead.key(inner));
        for (int at = 0; at + 32 <= inner.length; at++) {
            SecretKey guess = Aead.key(Arrays.copyOfRange(inner, at, at + 32));
            assertThrows(Aead.UnreadableException.class, () -> EntryCodec.open(guess, id, 1, content));
        }
        assertThrows(JournalLocked.class,
                () -> QuarkusTransaction.requiringNew().call(() -> vault.openForRead(member.id())));

        // With the passphrase, and the salt and parameters stored next to it, the same bytes open.
        byte[] salt = bytes("SELECT passphrase_salt FROM journals WHERE account_id = '" + member.id() + "'");
        assertEquals(16, salt.length);
        int memory = Integer.parseInt(
                text("SELECT passphrase_memory_kib FROM journals WHERE account_id = '" + member.id() + "'"));
        int passes = Integer.parseInt(
                text("SELECT passphrase_iterations FROM journals WHERE account_id = '" + member.id() + "'"));
        SecretKey passphraseKey = Aead.key(argon2.deriveKey(SECRET, salt, memory, passes, 1, 32));
        SecretKey dataKey = Aead.key(Aead.open(passphraseKey, JournalVault.passphraseAad(member.id()), inner));
        assertEquals("What the operator must not read", EntryCodec.open(dataKey, id, 1, content).whatHappened());
    }

    @Test
    void kekRotationRewrapsAProtectedJournalWithoutThePassphraseAndItStillOpensWithIt() {
        TestAccount member = Api.register("jprot");
        String id = Journals.createId(member, "Written before the rotation, protected");
        protect(member, SECRET);
        assertEquals("test-2026-06-01", keks.activeId());
        // As if wrapped before the rotation: the KEK's layer by the older KEK, the passphrase's layer unchanged.
        byte[] wrapped = bytes("SELECT wrapped_key FROM journals WHERE account_id = '" + member.id() + "'");
        byte[] inner = Aead.open(keks.active(), JournalVault.aad(member.id()), wrapped);
        Api.sql("UPDATE journals SET kek_id = 'test-2026-01-01', wrapped_key = ? WHERE account_id = ?",
                Aead.seal(keks.byId("test-2026-01-01").orElseThrow(), JournalVault.aad(member.id()), inner),
                member.id());
        with(member, SECRET).get(ENTRIES + "/" + id).then().statusCode(200);

        assertTrue(QuarkusTransaction.requiringNew().call(() -> vault.rewrapBatch(1000)) >= 1);
        assertEquals(0, Api.count("SELECT count(*) FROM journals WHERE kek_id <> 'test-2026-06-01'"));
        byte[] rewrapped = bytes("SELECT wrapped_key FROM journals WHERE account_id = '" + member.id() + "'");
        assertTrue(Arrays.equals(inner, Aead.open(keks.active(), JournalVault.aad(member.id()), rewrapped)),
                "only the KEK's layer changed");
        with(member, SECRET).get(ENTRIES + "/" + id).then().statusCode(200)
                .body("incident.whatHappened", equalTo("Written before the rotation, protected"));
        assertProblem(Api.as(member).get(ENTRIES + "/" + id).then(), 401, "journal-locked");
    }

    @Test
    void theDataExportLeavesALockedJournalOutInsteadOfFailingAndIncludesItWithThePassphrase() {
        TestAccount member = Api.register("jpexp");
        String id = Journals.createId(member, "In the export only with the passphrase");
        protect(member, SECRET);
        String head = Api.as(member).get(JOURNAL).then().extract().path("chainHead");

        Response locked = Api.as(member).get("/api/v1/me/export").then().statusCode(200).extract().response();
        assertEquals(true, locked.path("sections.journal.locked"));
        assertEquals(List.of(), locked.path("sections.journal.entries"));
        assertEquals(List.of(), locked.path("sections.journal.attachments"));
        assertTrue(((String) locked.path("sections.journal.note")).contains(HEADER));
        assertEquals(head, locked.path("sections.journal.chainHead"));
        assertEquals(List.of(id), locked.path("sections.journal.chain.entryId"), "the content-free chain stays");
        assertFalse(locked.asString().contains("In the export only with the passphrase"));

        Response open = with(member, SECRET).get("/api/v1/me/export").then().statusCode(200).extract().response();
        assertEquals(false, open.path("sections.journal.locked"));
        assertEquals("In the export only with the passphrase",
                open.path("sections.journal.entries[0].incident.whatHappened"));
        assertProblem(with(member, "a wrong passphrase").get("/api/v1/me/export").then(), 401,
                "wrong-journal-passphrase");
    }

    @Test
    void erasureShredsAProtectedJournal() {
        TestAccount member = Api.register("jpera");
        Journals.createId(member, "Gone with the account");
        protect(member, SECRET);
        Api.as(member).body(Map.of("password", Api.PASSWORD, "removeContent", false)).delete("/api/v1/me").then()
                .statusCode(204);
        for (String table : JournalEncryptionTest.TABLES) {
            assertEquals(0, Api.count("SELECT count(*) FROM " + table + " WHERE account_id = ?::uuid",
                    member.id().toString()), table + " after erasure");
        }
    }

    @Test
    void anotherMembersEntryIs404WhateverPassphraseIsSent() {
        TestAccount owner = Api.register("jpown");
        TestAccount other = Api.register("jpoth");
        String id = Journals.createId(owner, "Only mine");
        protect(owner, SECRET);
        protect(other, "the other member's passphrase");
        for (String passphrase : List.of(SECRET, "the other member's passphrase")) {
            assertProblem(with(other, passphrase).get(ENTRIES + "/" + id).then(), 404, "not-found");
            assertProblem(with(other, passphrase).delete(ENTRIES + "/" + id).then(), 404, "not-found");
        }
        // Setting a passphrase touches only one's own journal.
        with(owner, SECRET).get(ENTRIES + "/" + id).then().statusCode(200);
    }

    private static byte[] bytes(String query) {
        try (var connection = Api.dataSource().getConnection();
                var ps = connection.prepareStatement(query);
                var rs = ps.executeQuery()) {
            rs.next();
            return rs.getBytes(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String query) {
        try (var connection = Api.dataSource().getConnection();
                var ps = connection.prepareStatement(query);
                var rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
