package org.kindred.library.partners;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.UnauthorizedException;
import org.kindred.platform.security.CurrentPartner;

/**
 * Authenticates {@code X-Api-Key} on the endpoints marked {@link AcceptsPartnerKey}, before rate limiting (which then
 * counts against the key's own limit) and idempotency (whose keys then belong to the partner). An unknown or revoked
 * key is a 401, a key without the endpoint's scope a 403. Keys are never logged.
 */
public class PartnerKeyFilter {

    public static final String HEADER = "X-Api-Key";
    private static final Map<String, Optional<AcceptsPartnerKey>> ACCEPTING = new ConcurrentHashMap<>();

    private final PartnerService partners;
    private final CurrentPartner currentPartner;

    public PartnerKeyFilter(PartnerService partners, CurrentPartner currentPartner) {
        this.partners = partners;
        this.currentPartner = currentPartner;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext context, SimpleResourceInfo resource) {
        String key = context.getHeaderString(HEADER);
        if (key == null || resource == null || resource.getResourceClass() == null) {
            return;
        }
        Optional<AcceptsPartnerKey> accepts = accepting(resource);
        if (accepts.isEmpty()) {
            return;
        }
        if (context.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            throw new BadRequestException(HEADER, "send either an access token or a partner API key, not both");
        }
        CurrentPartner.Identity identity = partners.authenticate(key.strip())
                .orElseThrow(() -> new UnauthorizedException("invalid-api-key",
                        "The API key is malformed, unknown or revoked"));
        currentPartner.authenticate(identity);
        partners.recordUse(identity.keyId());
        String[] needed = accepts.get().scopes();
        if (Arrays.stream(needed).noneMatch(identity.scopes()::contains)) {
            throw new ForbiddenException("missing-scope", "Missing scope",
                    "This API key does not have the scope this operation needs: " + String.join(" or ", needed));
        }
    }

    private static Optional<AcceptsPartnerKey> accepting(SimpleResourceInfo resource) {
        String id = resource.getResourceClass().getName() + "#" + resource.getMethodName();
        return ACCEPTING.computeIfAbsent(id, k -> {
            try {
                Method method = resource.getResourceClass().getMethod(resource.getMethodName(),
                        resource.parameterTypes());
                return Optional.ofNullable(method.getAnnotation(AcceptsPartnerKey.class));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        });
    }
}
