package org.kindred.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.kindred.platform.error.ServiceUnavailableException;

/**
 * The hashing bulkhead as a client meets it: when every slot is taken, a sign-in is answered 503 with Retry-After
 * (problem kind "unavailable"), not left waiting and not a 500; a freed slot serves the next one.
 */
class HashingSlotsTest {

    @Test
    void aSignInFindingEverySlotTakenIsRefused503WithRetryAfter() {
        HashingSlots slots = new HashingSlots(1, Duration.ZERO);
        slots.acquire();
        ServiceUnavailableException refused = assertThrows(ServiceUnavailableException.class, slots::acquire);
        assertEquals(503, refused.status());
        assertEquals("unavailable", refused.kind());
        assertEquals("5", refused.headers().get("Retry-After"));
        slots.release();
        slots.acquire();
        slots.release();
    }

    @Test
    void asManyHashesAsConfiguredRunAtOnce() {
        HashingSlots slots = new HashingSlots(2, Duration.ZERO);
        slots.acquire();
        slots.acquire();
        assertThrows(ServiceUnavailableException.class, slots::acquire);
    }

    @Test
    void aWaitingSignInGetsTheSlotReleasedWhileItWaits() throws InterruptedException {
        HashingSlots slots = new HashingSlots(1, Duration.ofMinutes(1));
        slots.acquire();
        Thread releaser = new Thread(slots::release);
        releaser.start();
        slots.acquire();
        releaser.join();
    }

    @Test
    void zeroOrNegativeSettingsStillAllowOneHash() {
        HashingSlots slots = new HashingSlots(0, Duration.ofMillis(-1));
        slots.acquire();
        assertThrows(ServiceUnavailableException.class, slots::acquire);
    }
}
