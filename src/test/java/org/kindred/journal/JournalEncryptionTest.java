package org.kindred.journal;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.journal.Journals.ENTRIES;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Encryption at rest: what PostgreSQL (and so every dump and backup) holds of a journal, crypto-shredding on erasure,
 * key-encryption-key rotation, and the journal in the member's data export.
 */
@QuarkusTest
class JournalEncryptionTest {

    static final String[] TABLES = {"journals", "journal_entries", "journal_revisions"};

    @Inject
    JournalVault vault;
    @Inject
    KeyEncryptionKeys keks;

    @Test
    void aDumpOfTheJournalTablesHoldsNoneOfTheText() {
        TestAccount member = Api.register("jrenc");
        Map<String, Object> body = Journals.body("Quintessential marmalade insult at the reception desk");
        body.put("place", "Zephyrton library annex");
        body.put("whoWasInvolved", "Receptionist Wilhelmina Okonkwo-Brandt");
        body.put("witnesses", "Bartholomew the porter");
        body.put("impact", "Sleepless and anxious about Thursdays");
        body.put("actionsTaken", "Complained to the borough ombudsman");
        String id = Api.as(member).body(body).post(ENTRIES).then().statusCode(201).extract().path("id");
        Api.as(member).body(Map.of("impact", "Unbearable cardamom dread")).patch(ENTRIES + "/" + id).then()
                .statusCode(200);

        List<String> secrets = new ArrayList<>(List.of("Quintessential", "marmalade", "Zephyrton", "Wilhelmina",
                "Bartholomew", "Sleepless", "ombudsman", "cardamom", "RELIGION_BELIEF", "WORK", "Europe/London",
                "2026-03-02", "14:30"));
        for (String table : TABLES) {
            for (String secret : secrets) {
                // Every column as text (bytea as hex), and every bytea column's raw bytes.
                assertEquals(0, Api.count("SELECT count(*) FROM " + table + " x WHERE row_to_json(x)::text LIKE ?",
                        "%" + secret + "%"), secret + " in " + table);
                assertEquals(0,
                        Api.count("SELECT count(*) FROM " + table + " x WHERE position(convert_to(?, 'UTF8') IN "
                                + "convert_to(row_to_json(x)::text, 'UTF8') || " + byteaColumns(table) + ") > 0",
                                secret),
                        secret + " in the bytes of " + table);
            }
        }
        assertEquals(2, Api.count("SELECT count(*) FROM journal_revisions WHERE entry_id = ?::uuid", id));
        Api.as(member).get(ENTRIES + "/" + id).then().statusCode(200)
                .body("revisions[0].incident.impact", equalTo("Sleepless and anxious about Thursdays"));
    }

    private static String byteaColumns(String table) {
        return switch (table) {
            case "journals" -> "x.wrapped_key || COALESCE(x.chain_head, ''::bytea)";
            case "journal_revisions" -> "COALESCE(x.content, ''::bytea) || x.hash";
            default -> "''::bytea";
        };
    }

    @Test
    void erasureShredsTheKeySoNoSurvivingCopyOfTheTextDecrypts() {
        TestAccount member = Api.register("jrera");
        TestAccount bystander = Api.register("jrbys");
        UUID id = UUID.fromString(Journals.createId(member, "Words a backup might still hold"));
        Journals.createId(bystander, "The bystander's own entry");
        byte[] copy = bytes("SELECT content FROM journal_revisions WHERE entry_id = ?::uuid", id.toString());
        byte[] wrappedCopy = bytes("SELECT wrapped_key FROM journals WHERE account_id = ?::uuid",
                member.id().toString());
        SecretKey before = QuarkusTransaction.requiringNew().call(() -> vault.openForRead(member.id()).orElseThrow())
                .dataKey();
        assertEquals("Words a backup might still hold", EntryCodec.open(before, id, 1, copy).whatHappened());

        Api.as(member).body(Map.of("password", Api.PASSWORD, "removeContent", false)).delete("/api/v1/me").then()
                .statusCode(204);

        for (String table : TABLES) {
            assertEquals(0, Api.count("SELECT count(*) FROM " + table + " WHERE account_id = ?::uuid",
                    member.id().toString()), table + " after erasure");
        }
        // No data key left in the database opens the surviving copy, and without the member's data key the KEK alone
        // cannot either: the ciphertext is not wrapped by it.
        List<UUID> owners = uuids("SELECT account_id FROM journals WHERE passphrase_salt IS NULL");
        assertTrue(owners.contains(bystander.id()));
        for (UUID owner : owners) {
            SecretKey key = QuarkusTransaction.requiringNew().call(() -> vault.openForRead(owner).orElseThrow())
                    .dataKey();
            assertThrows(Aead.UnreadableException.class, () -> EntryCodec.open(key, id, 1, copy));
        }
        assertThrows(Aead.UnreadableException.class, () -> EntryCodec.open(keks.active(), id, 1, copy));
        assertTrue(wrappedCopy.length > 32, "the wrapped key was there before");
    }

    @Test
    void aDataKeyWrappedByARetiredKekStillOpensAndIsRewrappedByTheActiveOne() {
        TestAccount member = Api.register("jrrot");
        String id = Journals.createId(member, "Written before the rotation");
        assertEquals("test-2026-06-01", keks.activeId());
        // As if written before the rotation: the data key wrapped by the older KEK.
        QuarkusTransaction.requiringNew().run(() -> {
            SecretKey dataKey = vault.openForRead(member.id()).orElseThrow().dataKey();
            byte[] old = Aead.seal(keks.byId("test-2026-01-01").orElseThrow(), JournalVault.aad(member.id()),
                    dataKey.getEncoded());
            Api.sql("UPDATE journals SET kek_id = 'test-2026-01-01', wrapped_key = ? WHERE account_id = ?", old,
                    member.id());
        });
        Api.as(member).get(ENTRIES + "/" + id).then().statusCode(200)
                .body("incident.whatHappened", equalTo("Written before the rotation"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> vault.rewrapBatch(1000)) >= 1);
        assertEquals(0, Api.count("SELECT count(*) FROM journals WHERE kek_id <> 'test-2026-06-01'"));
        Api.as(member).get(ENTRIES + "/" + id).then().statusCode(200)
                .body("incident.whatHappened", equalTo("Written before the rotation"));
    }

    @Test
    void theDataExportHoldsTheWholeJournalDecrypted() {
        TestAccount member = Api.register("jrexp");
        String id = Journals.createId(member, "First version for the export");
        Api.as(member).body(Map.of("whatHappened", "Second version for the export")).patch(ENTRIES + "/" + id)
                .then().statusCode(200);
        String head = Api.as(member).get("/api/v1/me/journal").then().statusCode(200).extract().path("chainHead");
        Response export = Api.as(member).get("/api/v1/me/export").then().statusCode(200).extract().response();
        assertEquals(List.of(id), export.path("sections.journal.entries.id"));
        assertEquals("Second version for the export", export.path("sections.journal.entries[0].incident.whatHappened"));
        assertEquals("First version for the export",
                export.path("sections.journal.entries[0].revisions[0].incident.whatHappened"));
        assertEquals(head, export.path("sections.journal.chainHead"));
        assertEquals(2, (Integer) export.path("sections.journal.chainLength"));

        TestAccount empty = Api.register("jrexq");
        Api.as(empty).get("/api/v1/me/export").then().statusCode(200).body("sections.journal.entries",
                equalTo(List.of())).body("sections.journal.chainLength", equalTo(0));
    }

    private static byte[] bytes(String query, String param) {
        try (var connection = Api.dataSource().getConnection(); var ps = connection.prepareStatement(query)) {
            ps.setString(1, param);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<UUID> uuids(String query) {
        try (var connection = Api.dataSource().getConnection();
                var ps = connection.prepareStatement(query);
                var rs = ps.executeQuery()) {
            List<UUID> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
            return ids;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
