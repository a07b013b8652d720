package org.kindred.platform.idempotency;

import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.platform.error.ConflictException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs an {@link Idempotent} endpoint called with an Idempotency-Key in one transaction with the reservation of its
 * key and the storing of its response: one commit makes all three durable, or nothing is. A fault before the commit
 * leaves neither the write nor the reservation, so a retry after recovery executes once more, safely; a request that
 * fails rolls its reservation back with everything else. A concurrent retry's reservation waits for this transaction
 * ({@link IdempotencyStore#reserve}) and is then answered with the response stored here, without running the endpoint.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotentTransaction {

    private final IdempotencyStore store;
    private final PendingReservation pending;
    private final ObjectMapper json;

    public IdempotentTransaction(IdempotencyStore store, PendingReservation pending, ObjectMapper json) {
        this.store = store;
        this.pending = pending;
        this.json = json;
    }

    @AroundInvoke
    Object inOneTransaction(InvocationContext context) throws Exception {
        if (!pending.isExpected()) {
            return context.proceed();
        }
        UUID[] unanswered = new UUID[1];
        Object result = QuarkusTransaction.joiningExisting().call(() -> {
            UUID token = reserve();
            Object proceeded = context.proceed();
            if (!storeResponse(token, proceeded)) {
                unanswered[0] = token;
            }
            return proceeded;
        });
        if (unanswered[0] != null) {
            pending.committedUnanswered(unanswered[0]);
        }
        return result;
    }

    private UUID reserve() {
        IdempotencyStore.Outcome outcome = store.reserve(pending.owner(), pending.key(), pending.requestHash());
        if (outcome instanceof IdempotencyStore.Reserved reserved) {
            return reserved.token();
        }
        if (outcome instanceof IdempotencyStore.Replay replay) {
            throw new IdempotentReplay(replay);
        }
        if (outcome instanceof IdempotencyStore.Mismatch) {
            throw IdempotencyFilter.keyReused();
        }
        throw new ConflictException("idempotency-key-in-progress", "Request in progress",
                "A request with this Idempotency-Key is still being processed; retry in a moment");
    }

    /** False when the result carries no status and headers to store: the response filter stores it after the commit. */
    private boolean storeResponse(UUID token, Object result) throws JsonProcessingException {
        int status;
        Object entity;
        MediaType type;
        String location;
        String etag;
        if (result instanceof RestResponse<?> response) {
            status = response.getStatus();
            entity = response.getEntity();
            type = response.getMediaType();
            location = response.getHeaderString(HttpHeaders.LOCATION);
            etag = response.getHeaderString(HttpHeaders.ETAG);
        } else if (result instanceof Response response) {
            status = response.getStatus();
            entity = response.getEntity();
            type = response.getMediaType();
            location = response.getHeaderString(HttpHeaders.LOCATION);
            etag = response.getHeaderString(HttpHeaders.ETAG);
        } else {
            return false;
        }
        if (status < 200 || status >= 300) {
            // Refused without an exception: forget the key with this commit, so a retry runs anew.
            store.release(pending.owner(), pending.key(), token);
            return true;
        }
        byte[] body = entity == null ? null : json.writeValueAsBytes(entity);
        store.complete(pending.owner(), pending.key(), token, status, body,
                (type == null ? MediaType.APPLICATION_JSON_TYPE : type).toString(), location, etag);
        return true;
    }
}
