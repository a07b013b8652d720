package org.kindred.privacy.properties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.kindred.library.partners.PartnerScopes;
import org.kindred.support.Api;
import org.kindred.support.Hooks;
import org.kindred.support.TestAccount;
import org.kindred.support.WebhookReceiver;

/**
 * The webhook endpoints of one {@link World}, registered through the real API before any step: a partner
 * organisation's (the resource events) and the operators' ({@code care.held}, registered by the world's admin). All
 * worlds share one in-test receiver; each world's endpoints have their own path under it. The world's admin publishes
 * one resource, so the partner endpoint has a message of its own to check.
 */
final class WorldWebhooks {

    /** One receiver for every world (like {@link World#PUSH}): a world's messages are those sent to its paths. */
    static final WebhookReceiver RECEIVER = receiver();
    /**
     * The endpoints of the world created just before this one, kept: {@code AnonymityPropertiesTest} checks two worlds
     * after running both. Older ones are done with and dropped, so the operators' endpoint limit is never reached and
     * their messages are never sent again.
     */
    private static String previous = "";

    /** A registered endpoint: where it receives, its secret, and the event types it subscribed to. */
    record Endpoint(String id, String path, String secret, Set<String> eventTypes) {
    }

    final Endpoint partner;
    final Endpoint operators;
    /** The resource the world's admin published: the partner endpoint must hear of it. */
    final String resourceId;

    private WorldWebhooks(Endpoint partner, Endpoint operators, String resourceId) {
        this.partner = partner;
        this.operators = operators;
        this.resourceId = resourceId;
    }

    static WorldWebhooks register(TestAccount admin) {
        // As the webhook tests do (they empty the table), endpoints left by earlier tests go too.
        Api.sql("DELETE FROM webhook_endpoints WHERE position(id::text IN ?) = 0", previous);
        String base = RECEIVER.url() + "/" + UUID.randomUUID();
        Hooks.Partner organisation = Hooks.partner(admin, PartnerScopes.WEBHOOKS_MANAGE);
        Endpoint partner = endpoint(Hooks.register(organisation.api(), base + "/partner", Hooks.RESOURCE_EVENTS),
                base + "/partner", Hooks.RESOURCE_EVENTS);
        Endpoint operators = endpoint(Hooks.register(Api.as(admin), base + "/operators", List.of("care.held")),
                base + "/operators", List.of("care.held"));
        previous = partner.id() + " " + operators.id();
        return new WorldWebhooks(partner, operators, Hooks.publishResource(admin));
    }

    private static Endpoint endpoint(Hooks.Endpoint registered, String url, List<String> eventTypes) {
        return new Endpoint(registered.id(), url.substring(url.indexOf("/hook/")), registered.secret(),
                Set.copyOf(eventTypes));
    }

    List<Endpoint> endpoints() {
        return List.of(partner, operators);
    }

    /** What the receiver got at each of this world's endpoints so far. */
    Map<Endpoint, List<WebhookReceiver.Received>> received() {
        return endpoints().stream().collect(Collectors.toMap(e -> e, e -> RECEIVER.received.stream()
                .filter(r -> r.path().equals(e.path())).toList()));
    }

    private static WebhookReceiver receiver() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
