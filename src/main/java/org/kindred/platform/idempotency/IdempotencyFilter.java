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

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.UnprocessableException;
import org.kindred.platform.security.CurrentPartner;
import org.kindred.platform.security.CurrentUser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code Idempotency-Key} for creating POSTs: same key, same caller and byte-identical body within 24 h replays
 * the first response (with {@code Idempotent-Replayed: true}); the same key with another body is a 422. This filter
 * only reads the key's record; the endpoint's transaction reserves the key ({@link IdempotentTransaction}), so a new
 * request costs one commit. A retry while the first request is still running waits for it (up to
 * {@code kindred.idempotency.retry-wait}) and gets its response; it is a 409 only when the first is still running
 * after the wait. A retry after the first request died unanswered (its transaction ended without a response, e.g. in
 * a database outage) runs as new. The caller is the signed-in account or, for a request made with a partner API key,
 * the partner organisation (any of its keys).
 */
public class IdempotencyFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(IdempotencyFilter.class);
    private static final String EXPECTED = IdempotencyFilter.class.getName() + ".expected";
    private static final Map<String, Boolean> IDEMPOTENT_METHODS = new ConcurrentHashMap<>();

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
    public Optional<Response> lookUp(ContainerRequestContext context, SimpleResourceInfo resource) throws IOException {
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
        byte[] requestHash = fingerprint(context.getMethod(), context.getUriInfo().getPath(), body);
        Optional<IdempotencyStore.Outcome> answer = store.answerFor(owner, key, requestHash);
        if (answer.isEmpty()) {
            pending.expect(owner, key, requestHash);
            context.setProperty(EXPECTED, Boolean.TRUE);
            return Optional.empty();
        }
        if (answer.get() instanceof IdempotencyStore.Replay replay) {
            return Optional.of(replayed(replay));
        }
        throw keyReused();
    }

    /** A key answered while this request waited for it, in the endpoint's transaction: the same replay. */
    @ServerExceptionMapper
    public Response replayed(IdempotentReplay replay) {
        return replayed(replay.replay());
    }

    static UnprocessableException keyReused() {
        return new UnprocessableException("idempotency-key-reused", "Idempotency key reused",
                "This Idempotency-Key was already used for a different request; use a new key for a new request");
    }

    /** The first response again, marked as a replay; never cached. */
    private static Response replayed(IdempotencyStore.Replay replay) {
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
        return builder.header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /**
     * Only for an endpoint whose result is not a RestResponse or Response: its reservation committed without a
     * response, which is stored here, after the commit (or released if the response turned out to be an error).
     */
    @ServerResponseFilter
    public void complete(ContainerRequestContext request, ContainerResponseContext response) {
        UUID token = request.getProperty(EXPECTED) == null ? null : pending.committedUnanswered();
        if (token == null) {
            return;
        }
        int status = response.getStatus();
        if (status < 200 || status >= 300) {
            try {
                store.release(pending.owner(), pending.key(), token);
            } catch (RuntimeException e) {
                // The database is out of reach: no transaction holds the reservation locked any more, so a retry
                // takes it over at once. The error answer stays as it is.
                LOG.debugf("Idempotency reservation not released: %s", e.getClass().getSimpleName());
            }
            return;
        }
        try {
            byte[] body = response.hasEntity() ? json.writeValueAsBytes(response.getEntity()) : null;
            MediaType type = response.getMediaType() == null
                    ? MediaType.APPLICATION_JSON_TYPE
                    : response.getMediaType();
            String location = response.getHeaderString(HttpHeaders.LOCATION);
            store.complete(pending.owner(), pending.key(), token, status, body, type.toString(), location,
                    response.getHeaderString(HttpHeaders.ETAG));
        } catch (JsonProcessingException e) {
            store.release(pending.owner(), pending.key(), token);
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

    /** The request a key stands for: method, path and body bytes. */
    static byte[] fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return digest.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
