package org.kindred.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.KeysetPaging.TimeAndId;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.webhooks.OutboxRepository.LogRow;
import org.kindred.webhooks.OutboxRepository.Status;
import org.kindred.webhooks.WebhookEndpoints.Owner;
import org.kindred.webhooks.api.WebhookDeliveryResponse;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * An endpoint's delivery log (each message: type, attempts, status, last answer and times — never the payload) and
 * manual redelivery: the message is queued again under its own id, due at once, with a fresh retry window.
 */
@ApplicationScoped
public class WebhookDeliveries {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);

    private final WebhookEndpoints endpoints;
    private final OutboxRepository outbox;
    private final KeysetPaging paging;
    private final WebhookConfig config;
    private final Clock clock;

    public WebhookDeliveries(WebhookEndpoints endpoints, OutboxRepository outbox, KeysetPaging paging,
            WebhookConfig config, Clock clock) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.paging = paging;
        this.config = config;
        this.clock = clock;
    }

    public Page<WebhookDeliveryResponse> log(UUID endpointId, Status status, PageParams page) {
        Owner owner = endpoints.owner();
        return QuarkusTransaction.requiringNew().call(() -> {
            endpoints.existing(owner, endpointId, false);
            String scope = "webhook-deliveries:" + endpointId + ":" + status;
            return paging.page(scope, page, 2, (at, direction, limit) -> {
                TimeAndId position = TimeAndId.of(at);
                return outbox.log(endpointId, status, direction, TimeAndId.at(position), TimeAndId.id(position),
                        limit);
            }, row -> TimeAndId.key(row.createdAt(), row.id()),
                    rows -> rows.stream().map(WebhookDeliveries::toResponse).toList());
        });
    }

    public void redeliver(UUID endpointId, UUID messageId) {
        Owner owner = endpoints.owner();
        QuarkusTransaction.requiringNew().run(() -> {
            endpoints.existing(owner, endpointId, false);
            outbox.statusOf(endpointId, messageId)
                    .orElseThrow(() -> new NotFoundException("No such message to this endpoint"));
            Instant now = clock.instant();
            outbox.requeue(messageId, now, now.plus(config.retryWindow()));
        });
        LOG.infof("Webhook message %s queued again by its owner", messageId);
    }

    private static WebhookDeliveryResponse toResponse(LogRow row) {
        return new WebhookDeliveryResponse(row.id(), row.eventType(), row.status().name(), row.attempts(),
                row.lastStatusCode(), row.lastError(), row.createdAt(), row.lastAttemptAt(),
                row.status() == Status.PENDING ? row.nextAttemptAt() : null, row.deliveredAt());
    }
}
