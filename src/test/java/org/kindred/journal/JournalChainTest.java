package org.kindred.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.journal.Journals.ENTRIES;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kindred.journal.api.JournalExport;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Tamper evidence: the hash chain of the journal in the member's export verifies as exported, and fails at the first
 * altered, reordered or missing link.
 */
@QuarkusTest
class JournalChainTest {

    @Test
    void theExportedChainVerifiesAndEveryAlterationIsFound() throws Exception {
        TestAccount member = Api.register("jrchn");
        String first = Journals.createId(member, "First incident, at the bus stop");
        String second = Journals.createId(member, "Second incident, at the pharmacy");
        Api.as(member).body(Map.of("whatHappened", "First incident, at the bus stop, with a witness")).patch(
                ENTRIES + "/" + first).then().statusCode(200);
        String third = Journals.createId(member, "An entry I will delete");
        Api.as(member).delete(ENTRIES + "/" + third).then().statusCode(204);

        JsonNode exported = JournalChain.CANONICAL.readTree(
                Api.as(member).get("/api/v1/me/export").then().statusCode(200).extract().asString())
                .at("/sections/journal");
        JournalExport export = read(exported);
        assertEquals(4, export.chain().size());
        assertEquals(List.of(false, false, false, true), export.chain().stream().map(l -> l.deleted()).toList());
        assertEquals(-1, JournalChain.firstBrokenLink(export), "the export verifies as it is");
        assertEquals(Api.as(member).get("/api/v1/me/journal").then().extract().path("chainHead"),
                export.chainHead());

        // One character of the original version of the first entry (link 0).
        ObjectNode altered = exported.deepCopy();
        ObjectNode original = (ObjectNode) altered.at("/entries/0/revisions/0/incident");
        original.put("whatHappened", "First incident, at the bus stoq");
        assertEquals(0, JournalChain.firstBrokenLink(read(altered)));

        // A ground added to the second entry (link 1).
        altered = exported.deepCopy();
        ((ArrayNode) altered.at("/entries/1/revisions/0/incident/grounds")).add("AGE");
        assertEquals(1, JournalChain.firstBrokenLink(read(altered)));

        // A recorded hash changed (link 2).
        altered = exported.deepCopy();
        String hash = altered.at("/chain/2/hash").asText();
        ((ObjectNode) altered.at("/chain/2")).put("hash", (hash.charAt(0) == 'a' ? "b" : "a") + hash.substring(1));
        assertEquals(2, JournalChain.firstBrokenLink(read(altered)));

        // Two links swapped.
        altered = exported.deepCopy();
        ArrayNode chain = (ArrayNode) altered.get("chain");
        JsonNode zero = chain.get(0).deepCopy();
        chain.set(0, chain.get(1).deepCopy());
        chain.set(1, zero);
        assertEquals(0, JournalChain.firstBrokenLink(read(altered)));

        // The newest link left out: the head no longer matches.
        altered = exported.deepCopy();
        ((ArrayNode) altered.get("chain")).remove(3);
        assertEquals(3, JournalChain.firstBrokenLink(read(altered)));

        // A whole entry left out of the export while its links stay: the links find no content.
        altered = exported.deepCopy();
        ((ArrayNode) altered.get("entries")).remove(1);
        assertEquals(1, JournalChain.firstBrokenLink(read(altered)));
        assertEquals(second, exported.at("/entries/1/id").asText());
    }

    private static JournalExport read(JsonNode node) throws Exception {
        return JournalChain.CANONICAL.treeToValue(node, JournalExport.class);
    }
}
