package org.kindred.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.error.UnauthorizedException;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.KeysetPaging.TimeAndId;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentPartner;
import org.kindred.platform.security.CurrentUser;
import org.kindred.platform.web.ETags;
import org.kindred.platform.web.Versioned;
import org.kindred.webhooks.WebhookEndpointRepository.Row;
import org.kindred.webhooks.api.CreateWebhookEndpointRequest;
import org.kindred.webhooks.api.UpdateWebhookEndpointRequest;
import org.kindred.webhooks.api.WebhookEndpointCreatedResponse;
import org.kindred.webhooks.api.WebhookEndpointResponse;
import org.kindred.webhooks.api.WebhookSecretResponse;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Registering and managing webhook endpoints. A partner organisation (X-Api-Key with {@code webhooks:manage}) owns its
 * endpoints; platform admins own the operators' endpoints (the only ones that may receive {@code care.held}). Each
 * owner sees only its own: another owner's endpoint is a 404. URLs are checked by {@link WebhookUrls}; an owner has at
 * most {@code kindred.webhooks.max-endpoints-per-owner} endpoints (409).
 */
@ApplicationScoped
public class WebhookEndpoints {

    private static final Logger LOG = Logger.getLogger(WebhookEndpoints.class);

    /** Whose endpoints a request manages: a partner's, or the operators' ({@code partnerId} null). */
    record Owner(UUID partnerId) {
        boolean operators() {
            return partnerId == null;
        }
    }

    private final WebhookEndpointRepository endpoints;
    private final WebhookSecrets secrets;
    private final WebhookUrls urls;
    private final WebhookConfig config;
    private final KeysetPaging paging;
    private final CurrentPartner currentPartner;
    private final CurrentUser currentUser;
    private final Clock clock;

    public WebhookEndpoints(WebhookEndpointRepository endpoints, WebhookSecrets secrets, WebhookUrls urls,
            WebhookConfig config, KeysetPaging paging, CurrentPartner currentPartner, CurrentUser currentUser,
            Clock clock) {
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.urls = urls;
        this.config = config;
        this.paging = paging;
        this.currentPartner = currentPartner;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The caller's side: a partner key (its scope was checked by the key filter), or an admin; else 401/403. */
    Owner owner() {
        Optional<CurrentPartner.Identity> partner = currentPartner.get();
        if (partner.isPresent()) {
            return new Owner(partner.get().partnerId());
        }
        if (currentUser.accountId().isEmpty()) {
            throw new UnauthorizedException("unauthenticated",
                    "This operation needs a partner API key (X-Api-Key) or an admin's access token");
        }
        if (!currentUser.isAdmin()) {
            throw new ForbiddenException("Only partner organisations and platform admins register webhook endpoints");
        }
        return new Owner(null);
    }

    public WebhookEndpointCreatedResponse create(CreateWebhookEndpointRequest request) {
        Owner owner = owner();
        List<String> types = eventTypes(request.eventTypes(), owner);
        String url = urls.check(request.url()).toString();
        String secret = secrets.generate();
        Row created = QuarkusTransaction.requiringNew().call(() -> {
            endpoints.lockOwner(owner.partnerId());
            long count = endpoints.countOf(owner.partnerId());
            if (count >= config.maxEndpointsPerOwner()) {
                throw new ConflictException("too-many-endpoints", "Too many webhook endpoints",
                        "At most " + config.maxEndpointsPerOwner() + " endpoints; delete one first", null,
                        Map.of("limit", config.maxEndpointsPerOwner()));
            }
            Instant now = clock.instant();
            UUID id = UUID.randomUUID();
            Row row = new Row(id, owner.partnerId(), url, blankToNull(request.description()), types,
                    secrets.seal(id, secret), null, null, 0, now, now);
            endpoints.insert(row);
            return row;
        });
        LOG.infof("Webhook endpoint %s registered for %s", created.id(),
                owner.operators() ? "the operators" : "partner " + owner.partnerId());
        return new WebhookEndpointCreatedResponse(toResponse(created), secret);
    }

    public Page<WebhookEndpointResponse> list(PageParams page) {
        Owner owner = owner();
        String scope = "webhook-endpoints:" + (owner.operators() ? "operators" : owner.partnerId());
        return paging.page(scope, page, 2, (at, direction, limit) -> {
            TimeAndId position = TimeAndId.of(at);
            return endpoints.page(owner.partnerId(), direction, TimeAndId.at(position), TimeAndId.id(position), limit);
        }, row -> TimeAndId.key(row.createdAt(), row.id()), rows -> rows.stream().map(this::toResponse).toList());
    }

    public Versioned<WebhookEndpointResponse> get(UUID id) {
        Owner owner = owner();
        return versioned(QuarkusTransaction.requiringNew().call(() -> existing(owner, id, false)));
    }

    public Versioned<WebhookEndpointResponse> update(UUID id, UpdateWebhookEndpointRequest patch, String ifMatch) {
        Owner owner = owner();
        List<String> types = patch.eventTypes() == null ? null : eventTypes(patch.eventTypes(), owner);
        String url = patch.url() == null ? null : urls.check(patch.url()).toString();
        return versioned(QuarkusTransaction.requiringNew().call(() -> {
            Row row = existing(owner, id, true);
            ETags.requireMatch(ifMatch, row.version());
            String description = patch.description() == null ? row.description() : blankToNull(patch.description());
            endpoints.update(id, url == null ? row.url() : url, description, types == null ? row.eventTypes() : types,
                    clock.instant());
            return existing(owner, id, false);
        }));
    }

    public void delete(UUID id, String ifMatch) {
        Owner owner = owner();
        QuarkusTransaction.requiringNew().run(() -> {
            Row row = existing(owner, id, true);
            ETags.requireMatch(ifMatch, row.version());
            endpoints.delete(id);
        });
    }

    /**
     * A new secret; the one it replaces keeps signing (alongside) for {@code kindred.webhooks.secret-overlap}, so a
     * receiver can switch without losing a message. Rotating again within the overlap drops the oldest secret.
     */
    public WebhookSecretResponse rotate(UUID id) {
        Owner owner = owner();
        String secret = secrets.generate();
        Row rotated = QuarkusTransaction.requiringNew().call(() -> {
            Row row = existing(owner, id, true);
            Instant now = clock.instant();
            endpoints.rotate(id, secrets.seal(id, secret), row.secret(), now.plus(config.secretOverlap()), now);
            return existing(owner, id, false);
        });
        LOG.infof("Webhook endpoint %s secret rotated", id);
        return new WebhookSecretResponse(toResponse(rotated), secret, rotated.previousSecretUntil());
    }

    /** The caller's endpoint (in the caller's transaction), or 404. */
    Row existing(Owner owner, UUID id, boolean forUpdate) {
        return endpoints.find(owner.partnerId(), id, forUpdate)
                .orElseThrow(() -> new NotFoundException("No such webhook endpoint"));
    }

    private List<String> eventTypes(List<String> requested, Owner owner) {
        for (String name : requested) {
            WebhookEventType type = WebhookEventType.of(name)
                    .orElseThrow(() -> new BadRequestException("eventTypes", "unknown event type"));
            if (type.operatorOnly() && !owner.operators()) {
                throw new BadRequestException("eventTypes", name + " is for operator endpoints only");
            }
        }
        return requested.stream().distinct().sorted().toList();
    }

    private Versioned<WebhookEndpointResponse> versioned(Row row) {
        return Versioned.of(toResponse(row), row.version());
    }

    private WebhookEndpointResponse toResponse(Row row) {
        Instant previousUntil = row.previousSecretUntil() != null && row.previousSecretUntil().isAfter(clock.instant())
                ? row.previousSecretUntil()
                : null;
        return new WebhookEndpointResponse(row.id(), row.partnerId(), row.url(), row.description(), row.eventTypes(),
                previousUntil, row.createdAt(), row.updatedAt());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
