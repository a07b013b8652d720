package org.kindred.push;

import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.security.CurrentUser;
import org.kindred.privacy.events.AccountErased;
import org.kindred.push.PushSubscriptionRepository.Row;
import org.kindred.push.api.PushSubscriptionList;
import org.kindred.push.api.PushSubscriptionRequest;
import org.kindred.push.api.PushSubscriptionResponse;
import org.kindred.webhooks.WebhookUrls;

/**
 * A member's devices for Web Push. An endpoint must be https on a known push service and resolve to public addresses
 * only (the webhooks' rules against server-side request forgery, with the push services' allow-list); the browser's
 * key must be a P-256 point and its secret 16 bytes.
 */
@ApplicationScoped
public class PushSubscriptions {

    private final PushSubscriptionRepository subscriptions;
    private final VapidKey vapid;
    private final PushConfig config;
    private final WebhookUrls urls;
    private final CurrentUser currentUser;
    private final Clock clock;

    public PushSubscriptions(PushSubscriptionRepository subscriptions, VapidKey vapid, PushConfig config,
            CurrentUser currentUser, Clock clock) {
        this.subscriptions = subscriptions;
        this.vapid = vapid;
        this.config = config;
        this.urls = WebhookUrls.forOutgoing(config.allowLoopback(), java.util.Optional.of(config.allowedHosts()),
                "unsafe-push-endpoint", "push endpoint");
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The endpoint checked again before every send (a name may resolve elsewhere later). */
    URI check(String endpoint) {
        return urls.check(endpoint);
    }

    /** Subscribes a device; {@code created} tells whether it is new for this member (201) or an update (200). */
    public record Subscribed(PushSubscriptionResponse body, boolean created) {
    }

    @Transactional
    public Subscribed subscribe(PushSubscriptionRequest request) {
        UUID me = currentUser.requireAccountId();
        if (vapid.pair().isEmpty()) {
            throw new ConflictException("push-not-configured", "Web Push is not configured",
                    "This server has no VAPID key, so it cannot send Web Push; use the event stream or poll the inbox");
        }
        byte[] p256dh = base64url("keys.p256dh", request.keys().p256dh());
        byte[] auth = base64url("keys.auth", request.keys().auth());
        if (!WebPushCrypto.isValidPublicKey(p256dh)) {
            throw new BadRequestException("keys.p256dh", "must be an uncompressed P-256 public key (65 bytes)");
        }
        if (auth.length != 16) {
            throw new BadRequestException("keys.auth", "must be 16 bytes");
        }
        urls.check(request.endpoint());
        subscriptions.lockAccount(me);
        boolean mineAlready = subscriptions.byEndpoint(request.endpoint()).map(r -> r.accountId().equals(me))
                .orElse(false);
        if (!mineAlready && subscriptions.count(me) >= config.maxSubscriptionsPerAccount()) {
            throw new ConflictException("limit-reached", "Too many devices",
                    "You have " + config.maxSubscriptionsPerAccount()
                            + " devices subscribed to push, the most allowed; remove one first",
                    null, Map.of("limit", config.maxSubscriptionsPerAccount()));
        }
        UUID id = subscriptions.upsert(me, request.endpoint(), p256dh, auth, request.deviceLabel(), clock.instant());
        return new Subscribed(response(subscriptions.find(me, id).orElseThrow()), !mineAlready);
    }

    @Transactional
    public PushSubscriptionList list() {
        return new PushSubscriptionList(subscriptions.mine(currentUser.requireAccountId()).stream()
                .map(PushSubscriptions::response).toList());
    }

    @Transactional
    public PushSubscriptionResponse get(UUID id) {
        return subscriptions.find(currentUser.requireAccountId(), id).map(PushSubscriptions::response)
                .orElseThrow(PushSubscriptions::notFound);
    }

    @Transactional
    public void delete(UUID id) {
        if (!subscriptions.delete(currentUser.requireAccountId(), id)) {
            throw notFound();
        }
    }

    /** Erasure: the member's devices are never woken again. Same transaction as the rest of the erasure. */
    void onErased(@Observes AccountErased erased) {
        subscriptions.deleteAll(erased.accountId());
    }

    static PushSubscriptionResponse response(Row r) {
        URI uri = URI.create(r.endpoint());
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        return new PushSubscriptionResponse(r.id(), origin, r.deviceLabel(), r.createdAt(), r.lastSuccessAt(),
                r.failures());
    }

    private static byte[] base64url(String field, String value) {
        try {
            return Base64.getUrlDecoder().decode(value.replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field, "must be base64url");
        }
    }

    static NotFoundException notFound() {
        return new NotFoundException("No such push subscription of yours");
    }
}
