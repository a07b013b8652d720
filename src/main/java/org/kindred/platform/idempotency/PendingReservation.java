package org.kindred.platform.idempotency;

import jakarta.enterprise.context.RequestScoped;

/** The Idempotency-Key this request reserved, handed from the request filter to the endpoint's transaction. */
@RequestScoped
public class PendingReservation {

    private IdempotencyStore.Owner owner;
    private String key;
    private java.util.UUID token;
    private boolean stored;

    void reserve(IdempotencyStore.Owner owner, String key, java.util.UUID token) {
        this.owner = owner;
        this.key = key;
        this.token = token;
    }

    boolean isReserved() {
        return key != null;
    }

    IdempotencyStore.Owner owner() {
        return owner;
    }

    String key() {
        return key;
    }

    java.util.UUID token() {
        return token;
    }

    /** The response was stored in the endpoint's own transaction: the filter has nothing left to do. */
    void markStored() {
        stored = true;
    }

    boolean isStored() {
        return stored;
    }
}
