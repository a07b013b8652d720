package org.kindred.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.paging.CursorCodec;

class CursorCodecTest {

    private final CursorCodec codec = new CursorCodec(Optional.of("a-test-secret-that-is-at-least-32-chars"));

    @Test
    void roundTripsWithinItsScope() {
        String cursor = codec.encode("feed:g1:new", List.of("2026-11-23T18:00:00Z", "7f0c"));
        assertEquals(List.of("2026-11-23T18:00:00Z", "7f0c"), codec.decode("feed:g1:new", cursor, 2));
    }

    @Test
    void aCursorFromAnotherListOrSortIsRefused() {
        String cursor = codec.encode("feed:g1:new", List.of("a", "b"));
        assertThrows(BadRequestException.class, () -> codec.decode("feed:g2:new", cursor, 2));
        assertThrows(BadRequestException.class, () -> codec.decode("feed:g1:active", cursor, 2));
    }

    @Test
    void tamperingIsDetected() {
        String cursor = codec.encode("s", List.of("a", "b"));
        String forged = codec.encode("s", List.of("a", "c")).split("\\.")[0] + "." + cursor.split("\\.")[1];
        assertThrows(BadRequestException.class, () -> codec.decode("s", forged, 2));
        assertThrows(BadRequestException.class, () -> codec.decode("s", "garbage", 2));
        assertThrows(BadRequestException.class, () -> codec.decode("s", "!!!.???", 2));
        assertThrows(BadRequestException.class, () -> codec.decode("s", cursor, 3));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(IllegalStateException.class, () -> new CursorCodec(Optional.of("short")));
    }
}
