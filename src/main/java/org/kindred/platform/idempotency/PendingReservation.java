package org.kindred.platform.idempotency;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

/**
 * The Idempotency-Key of this request, handed from the request filter (which only read the key's record) to the
 * endpoint's transaction (which reserves it), and from there to the response filter when the response could only be
 * stored after the commit.
 */
@RequestScoped
public class PendingReservation {

    private IdempotencyStore.Owner owner;
    private String key;
    private byte[] requestHash;
    private UUID committedUnanswered;

    void expect(IdempotencyStore.Owner owner, String key, byte[] requestHash) {
        this.owner = owner;
        this.key = key;
        this.requestHash = requestHash;
    }

    boolean isExpected() {
        return key != null;
    }

    IdempotencyStore.Owner owner() {
        return owner;
    }

    String key() {
        return key;
    }

    byte[] requestHash() {
        return requestHash;
    }

    /**
     * The endpoint's result was neither a RestResponse nor a Response: its reservation ({@code token}) committed
     * without a response, which the response filter stores (or releases) once it sees the response.
     */
    void committedUnanswered(UUID token) {
        this.committedUnanswered = token;
    }

    /** The token of a reservation committed without its response; null when there is nothing left to store. */
    UUID committedUnanswered() {
        return committedUnanswered;
    }
}
