package org.kindred.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.kindred.library.events.ResourceArchived;
import org.kindred.library.events.ResourcePublished;
import org.kindred.library.events.ResourceUpdated;
import org.kindred.posts.events.PostScreened;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns domain events into outbox messages, inside the transaction of the change (a rolled-back change sends
 * nothing). Payloads are thin and public: {@code {type, timestamp, data}}, where resource events carry the resource's
 * id and status (fetch the rest from {@code GET /api/v1/resources/{id}}), and {@code care.held} carries only an alert
 * id that names nothing else — no post, group, author, text or concern — so an operator's paging tool can wake a
 * responder, who then opens the moderators' queue inside Kindred.
 */
@ApplicationScoped
public class WebhookObservers {

    private final OutboxRepository outbox;
    private final WebhookConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public WebhookObservers(OutboxRepository outbox, WebhookConfig config, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    void onPublished(@Observes ResourcePublished e) {
        resource(WebhookEventType.RESOURCE_PUBLISHED, e.resourceId(), "PUBLISHED");
    }

    void onUpdated(@Observes ResourceUpdated e) {
        resource(WebhookEventType.RESOURCE_UPDATED, e.resourceId(), "PUBLISHED");
    }

    void onArchived(@Observes ResourceArchived e) {
        resource(WebhookEventType.RESOURCE_ARCHIVED, e.resourceId(), "ARCHIVED");
    }

    void onScreened(@Observes PostScreened e) {
        if (e.heldForCare()) {
            queue(WebhookEventType.CARE_HELD, Map.of("alertId", UUID.randomUUID().toString()));
        }
    }

    private void resource(WebhookEventType type, UUID resourceId, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("resourceId", resourceId.toString());
        data.put("status", status);
        queue(type, data);
    }

    private void queue(WebhookEventType type, Map<String, Object> data) {
        Instant now = clock.instant();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type.wireName());
        message.put("timestamp", now.toString());
        message.put("data", data);
        try {
            outbox.enqueue(type, json.writeValueAsString(message), now, now.plus(config.retryWindow()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
