package org.kindred.platform.idempotency;

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
 * Runs an {@link Idempotent} endpoint that holds a reservation and the storing of its response in one transaction:
 * the write and the response to replay commit together or not at all. A fault after the commit cannot leave a
 * written row behind a reservation that a retry would later take over and execute again, and a fault before the
 * commit leaves neither, so a retry after recovery executes once more, safely. The transaction first locks this
 * request's reservation ({@link IdempotencyStore#claim}): while it runs a retry gets 409; once it has died, a retry
 * takes the key over at once instead of waiting for a timeout.
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
        if (!pending.isReserved()) {
            return context.proceed();
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (!store.claim(pending.owner(), pending.key(), pending.token())) {
                // A retry took the key over while this request was on its way here: it writes, this one must not.
                throw new ConflictException("idempotency-key-in-progress", "Request in progress",
                        "A request with this Idempotency-Key is being processed; retry in a moment");
            }
            Object result = context.proceed();
            storeResponse(result);
            return result;
        });
    }

    private void storeResponse(Object result) throws JsonProcessingException {
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
            return; // the response filter stores what it sees, after the commit
        }
        if (status < 200 || status >= 300) {
            return;
        }
        byte[] body = entity == null ? null : json.writeValueAsBytes(entity);
        store.complete(pending.owner(), pending.key(), pending.token(), status, body,
                (type == null ? MediaType.APPLICATION_JSON_TYPE : type).toString(), location, etag);
        pending.markStored();
    }
}
