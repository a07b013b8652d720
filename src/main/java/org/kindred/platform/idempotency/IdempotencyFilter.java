package org.kindred.platform.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.UnprocessableException;
import org.kindred.platform.security.CurrentPartner;
import org.kindred.platform.security.CurrentUser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code Idempotency-Key} for creating POSTs: same key, same caller and byte-identical body within 24 h replays
 * the first response (with {@code Idempotent-Replayed: true}); the same key with another body is a 422; a retry
 * while the first request is still running is a 409, and a retry after the first request died unanswered (its
 * transaction ended without a response, e.g. in a database outage) runs as new. The caller is the signed-in account or, for a request made with
 * a partner API key, the partner organisation (any of its keys).
 */
public class IdempotencyFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(IdempotencyFilter.class);
    private static final String RESERVATION = IdempotencyFilter.class.getName() + ".reservation";
    private static final Map<String, Boolean> IDEMPOTENT_METHODS = new ConcurrentHashMap<>();

    private record Reservation(IdempotencyStore.Owner owner, String key, UUID token) {
    }

    private final IdempotencyStore store;
    private final CurrentUser currentUser;
    private final CurrentPartner currentPartner;
    private final ObjectMapper json;
    private final PendingReservation pending;

    public IdempotencyFilter(IdempotencyStore store, CurrentUser currentUser, CurrentPartner currentPartner,
            ObjectMapper json, PendingReservation pending) {
        this.store = store;
        this.currentUser = currentUser;
        this.currentPartner = currentPartner;
        this.json = json;
        this.pending = pending;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 200)
    public Optional<Response> reserve(ContainerRequestContext context, SimpleResourceInfo resource) throws IOException {
        String key = context.getHeaderString(HEADER);
        if (key == null || !"POST".equals(context.getMethod()) || !isIdempotent(resource)) {
            return Optional.empty();
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7e)) {
            throw new BadRequestException("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
        IdempotencyStore.Owner owner = currentPartner.get()
                .map(partner -> IdempotencyStore.Owner.partner(partner.partnerId()))
                .orElseGet(() -> IdempotencyStore.Owner.account(currentUser.requireAccountId()));
        byte[] body = context.hasEntity() ? context.getEntityStream().readAllBytes() : new byte[0];
        context.setEntityStream(new ByteArrayInputStream(body));
        IdempotencyStore.Outcome outcome = store.reserve(owner, key, fingerprint(context, body));
        if (outcome instanceof IdempotencyStore.Reserved reserved) {
            context.setProperty(RESERVATION, new Reservation(owner, key, reserved.token()));
            pending.reserve(owner, key, reserved.token());
            return Optional.empty();
        }
        if (outcome instanceof IdempotencyStore.Mismatch) {
            throw new UnprocessableException("idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was already used for a different request; use a new key for a new request");
        }
        if (outcome instanceof IdempotencyStore.InProgress) {
            throw new ConflictException("idempotency-key-in-progress", "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry in a moment");
        }
        IdempotencyStore.Replay replay = (IdempotencyStore.Replay) outcome;
        Response.ResponseBuilder builder = Response.status(replay.status()).header("Idempotent-Replayed", "true");
        if (replay.body() != null) {
            builder.entity(replay.body()).type(replay.contentType());
        }
        if (replay.location() != null) {
            builder.header(HttpHeaders.LOCATION, replay.location());
        }
        if (replay.etag() != null) {
            builder.header(HttpHeaders.ETAG, replay.etag());
        }
        return Optional.of(builder.header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }

    @ServerResponseFilter
    public void complete(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(RESERVATION) instanceof Reservation reservation)) {
            return;
        }
        int status = response.getStatus();
        if (status < 200 || status >= 300) {
            try {
                store.release(reservation.owner(), reservation.key(), reservation.token());
            } catch (RuntimeException e) {
                // The database is out of reach: nothing was committed with the reservation, and no transaction
                // holds it locked any more, so a retry takes it over at once. The error answer stays as it is.
                LOG.debugf("Idempotency reservation not released: %s", e.getClass().getSimpleName());
            }
            return;
        }
        if (pending.isStored()) {
            return;
        }
        try {
            byte[] body = response.hasEntity() ? json.writeValueAsBytes(response.getEntity()) : null;
            MediaType type = response.getMediaType() == null
                    ? MediaType.APPLICATION_JSON_TYPE
                    : response.getMediaType();
            String location = response.getHeaderString(HttpHeaders.LOCATION);
            store.complete(reservation.owner(), reservation.key(), reservation.token(), status, body, type.toString(),
                    location, response.getHeaderString(HttpHeaders.ETAG));
        } catch (JsonProcessingException e) {
            store.release(reservation.owner(), reservation.key(), reservation.token());
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isIdempotent(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return false;
        }
        String id = resource.getResourceClass().getName() + "#" + resource.getMethodName();
        return IDEMPOTENT_METHODS.computeIfAbsent(id, k -> {
            try {
                return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes())
                        .isAnnotationPresent(Idempotent.class);
            } catch (NoSuchMethodException e) {
                return false;
            }
        });
    }

    private static byte[] fingerprint(ContainerRequestContext context, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((context.getMethod() + " " + context.getUriInfo().getPath() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return digest.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
