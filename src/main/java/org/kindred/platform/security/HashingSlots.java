package org.kindred.platform.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.kindred.platform.error.ServiceUnavailableException;

/**
 * The bulkhead around password hashing: at most {@code max} Argon2id hashes run at once, and a request waits at most
 * {@code wait} for a slot before it is answered 503 with Retry-After. Argon2id is deliberately expensive (about a
 * core for tens of milliseconds and 19 MiB each); without a small bound a login storm takes every core and the
 * members who are only reading wait behind it.
 */
final class HashingSlots {

    /** Long enough for a storm to pass, short enough that a member trying again does not give up. */
    static final long RETRY_AFTER_SECONDS = 5;
    /** The refusal's detail, the same at the door (SignInDoor) and at the slot: clients cannot tell them apart. */
    static final String BUSY = "Too many sign-ins at once; try again in a few seconds";

    private final Semaphore slots;
    private final long waitMillis;

    HashingSlots(int max, Duration wait) {
        this.slots = new Semaphore(Math.max(1, max), true);
        this.waitMillis = Math.max(0, wait.toMillis());
    }

    /** Takes a slot or throws the 503; a caller that got one must {@link #release()} it. */
    void acquire() {
        try {
            if (!slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new ServiceUnavailableException(BUSY, RETRY_AFTER_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while waiting to check the password",
                    RETRY_AFTER_SECONDS);
        }
    }

    void release() {
        slots.release();
    }
}
