package org.kindred.library.partners;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PartnerKeyRepository implements PanacheRepositoryBase<PartnerKey, UUID> {

    Optional<PartnerKey> findLiveByHash(byte[] hash) {
        return find("keyHash = ?1 and revokedAt is null", (Object) hash).firstResultOptional();
    }

    Optional<PartnerKey> findOfPartner(UUID partnerId, UUID keyId) {
        return find("id = ?1 and partnerId = ?2", keyId, partnerId).firstResultOptional();
    }

    /** The keys of several partners in one query (a page of partners has no N+1). */
    List<PartnerKey> ofPartners(Collection<UUID> partnerIds) {
        if (partnerIds.isEmpty()) {
            return List.of();
        }
        return list("partnerId in ?1 order by createdAt, id", partnerIds);
    }

    /** Adds usage counted in memory since the last flush. */
    void addUsage(UUID keyId, long requests, Instant lastUsedAt) {
        update("requestCount = requestCount + ?1, lastUsedAt = case when lastUsedAt is null or lastUsedAt < ?2 "
                + "then ?2 else lastUsedAt end where id = ?3", requests, lastUsedAt, keyId);
    }
}
