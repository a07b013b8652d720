package org.kindred.platform.idempotency;

/**
 * Thrown inside the endpoint's transaction when its key turns out to be answered already (a concurrent request with
 * the same key and body committed while this one waited): the transaction rolls back, the endpoint does not run, and
 * {@link IdempotencyFilter#replayed(IdempotentReplay)} answers with the stored response, as the filter would have.
 */
public class IdempotentReplay extends RuntimeException {

    private final transient IdempotencyStore.Replay replay;

    IdempotentReplay(IdempotencyStore.Replay replay) {
        super("Idempotency-Key answered by an earlier request", null, false, false);
        this.replay = replay;
    }

    IdempotencyStore.Replay replay() {
        return replay;
    }
}
