package org.kindred.journal.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** RFC 8785 canonical form: what the signature covers does not depend on layout, and does on content. */
class CanonicalJsonTest {

    @Test
    void keysAreSortedWhitespaceGoesAndOnlyTheMandatoryEscapesStay() throws Exception {
        assertEquals("{\"a\":[1,true,null,\"x\"],\"b\":{\"c\":\"d\",\"é\":2},\"€\":\"€😀\\n\\t\\u001f\\\"\\\\/\"}",
                canonical("{ \"€\" : \"\\u20ac😀\\n\\t\\u001F\\\"\\\\\\/\",\n \"b\": {\"é\": 2.0, \"c\": \"d\"},"
                        + " \"a\": [ 1, true, null, \"x\" ] }"));
    }

    @Test
    void sortingIsByUtf16CodeUnits() throws Exception {
        // RFC 8785 3.2.3: "\u20ac" (Euro) sorts before the surrogate pair of U+1F600, and both after "\r".
        assertEquals("{\"\\r\":1,\"€\":2,\"😀\":3}", canonical("{\"😀\":3,\"€\":2,\"\\r\":1}"));
    }

    @Test
    void anUnpairedSurrogateIsRefused() throws Exception {
        JsonNode lone = EvidenceVerifier.STRICT.readTree("{\"a\":\"\\ud800\"}");
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.bytes(lone));
    }

    private static String canonical(String json) throws Exception {
        return new String(CanonicalJson.bytes(EvidenceVerifier.STRICT.readTree(json)), StandardCharsets.UTF_8);
    }
}
