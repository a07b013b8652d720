package org.kindred.library.partners;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.kindred.library.MicrosAndId;
import org.kindred.library.api.CreatePartnerKeyRequest;
import org.kindred.library.api.CreatePartnerRequest;
import org.kindred.library.api.CreatedPartnerKeyResponse;
import org.kindred.library.api.PartnerKeyResponse;
import org.kindred.library.api.PartnerResponse;
import org.kindred.platform.db.UniqueViolation;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.error.Problem;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.security.CurrentPartner;
import org.kindred.platform.security.CurrentUser;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Partner organisations and their API keys: admins manage them; the partner-key filter authenticates with them. */
@ApplicationScoped
public class PartnerService {

    private static final Logger LOG = Logger.getLogger(PartnerService.class);
    private static final String LIST_SCOPE = "partners";

    private final PartnerRepository partners;
    private final PartnerKeyRepository keys;
    private final PartnerKeyUsage usage;
    private final PartnerConfig config;
    private final CurrentUser currentUser;
    private final KeysetPaging paging;
    private final Clock clock;

    public PartnerService(PartnerRepository partners, PartnerKeyRepository keys, PartnerKeyUsage usage,
            PartnerConfig config, CurrentUser currentUser, KeysetPaging paging, Clock clock) {
        this.partners = partners;
        this.keys = keys;
        this.usage = usage;
        this.config = config;
        this.currentUser = currentUser;
        this.paging = paging;
        this.clock = clock;
    }

    public PartnerResponse create(CreatePartnerRequest request) {
        UUID admin = requireAdmin();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                String name = request.name().strip();
                if (partners.nameTaken(name)) {
                    throw duplicateName();
                }
                Partner partner = Partner.register(name, request.url(), blankToNull(request.contactEmail()), admin,
                        clock.instant());
                partners.persist(partner);
                partners.flush();
                LOG.infof("Admin %s registered partner %s", admin, partner.id());
                return toResponse(partner, List.of());
            });
        } catch (PersistenceException e) {
            if (!UniqueViolation.isCause(e)) {
                throw e;
            }
            throw duplicateName();
        }
    }

    public Page<PartnerResponse> list(PageParams page) {
        requireAdmin();
        usage.flush();
        return QuarkusTransaction.requiringNew().call(() -> paging.page(LIST_SCOPE, page, 2,
                (at, direction, rows) -> {
                    MicrosAndId position = MicrosAndId.of(at);
                    return partners.page(direction, MicrosAndId.at(position), MicrosAndId.id(position), rows);
                },
                partner -> MicrosAndId.key(partner.createdAt(), partner.id()),
                this::toResponses));
    }

    /** The partners of a page with their keys (looked up for the whole page at once). */
    private List<PartnerResponse> toResponses(List<Partner> shown) {
        Map<UUID, List<PartnerKey>> keysByPartner = keys.ofPartners(shown.stream().map(Partner::id).toList())
                .stream().collect(Collectors.groupingBy(PartnerKey::partnerId));
        return shown.stream().map(p -> toResponse(p, keysByPartner.getOrDefault(p.id(), List.of()))).toList();
    }

    public PartnerResponse get(UUID partnerId) {
        requireAdmin();
        usage.flush();
        return QuarkusTransaction.requiringNew().call(() -> {
            Partner partner = partners.findByIdOptional(partnerId).orElseThrow(PartnerService::noSuchPartner);
            return toResponse(partner, keys.ofPartners(List.of(partnerId)));
        });
    }

    /** Issues a key; its secret is in this response only. */
    @Transactional
    public CreatedPartnerKeyResponse issueKey(UUID partnerId, CreatePartnerKeyRequest request) {
        UUID admin = requireAdmin();
        partners.findByIdOptional(partnerId).orElseThrow(PartnerService::noSuchPartner);
        int perMinute = request.requestsPerMinute() == null
                ? config.defaultRequestsPerMinute()
                : request.requestsPerMinute();
        PartnerKey.Issued issued = PartnerKey.issue(partnerId, request.name().strip(),
                new LinkedHashSet<>(request.scopes()), perMinute, admin, clock.instant());
        keys.persist(issued.key());
        // The key's id identifies it; its visible prefix (8 characters of the secret) stays out of the logs.
        LOG.infof("Admin %s issued API key %s to partner %s", admin, issued.key().id(), partnerId);
        return new CreatedPartnerKeyResponse(issued.secret(), toResponse(issued.key()));
    }

    /** Revokes a key at once, on every replica (each request looks its key up). Revoking twice changes nothing. */
    @Transactional
    public void revokeKey(UUID partnerId, UUID keyId) {
        UUID admin = requireAdmin();
        PartnerKey key = keys.findOfPartner(partnerId, keyId)
                .orElseThrow(() -> new NotFoundException("This partner has no such key"));
        key.revoke(admin, clock.instant());
        LOG.infof("Admin %s revoked API key %s of partner %s", admin, keyId, partnerId);
    }

    /** The partner and scopes of a presented key, or empty when it is malformed, unknown or revoked. */
    @Transactional
    public Optional<CurrentPartner.Identity> authenticate(String presentedKey) {
        if (!PartnerKey.wellFormed(presentedKey)) {
            return Optional.empty();
        }
        return keys.findLiveByHash(PartnerKey.hash(presentedKey)).map(k -> new CurrentPartner.Identity(
                k.partnerId(), k.id(), Set.copyOf(k.scopes()), k.requestsPerMinute()));
    }

    /** Counts a request made with this key (usage counters, flushed in the background). */
    public void recordUse(UUID keyId) {
        usage.record(keyId);
    }

    private UUID requireAdmin() {
        UUID account = currentUser.requireAccountId();
        if (!currentUser.isAdmin()) {
            throw new ForbiddenException("Only platform admins manage partner organisations");
        }
        return account;
    }

    private static PartnerResponse toResponse(Partner partner, List<PartnerKey> partnerKeys) {
        return new PartnerResponse(partner.id(), partner.name(), partner.url(), partner.contactEmail(),
                partner.createdAt(), partnerKeys.stream().map(PartnerService::toResponse).toList());
    }

    private static PartnerKeyResponse toResponse(PartnerKey key) {
        return new PartnerKeyResponse(key.id(), key.name(), key.keyPrefix(), key.scopes(), key.requestsPerMinute(),
                key.requestCount(), key.lastUsedAt(), key.createdAt(), key.revokedAt());
    }

    private static NotFoundException noSuchPartner() {
        return new NotFoundException("No such partner organisation");
    }

    private static ConflictException duplicateName() {
        return new ConflictException("duplicate", "Already in use", "A partner organisation with this name exists",
                List.of(new Problem.FieldError("name", "is already registered")), null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
