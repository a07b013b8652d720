package org.kindred.library;

import java.time.Duration;
import java.time.Instant;

import org.kindred.library.api.Organization;
import org.kindred.library.api.ResourceChangeResponse;
import org.kindred.library.api.ResourceResponse;

final class ResourceMapper {

    private ResourceMapper() {
    }

    static ResourceResponse toResponse(CuratedResource r, Instant now, Duration staleAfter) {
        ResourceContent c = r.content();
        return new ResourceResponse(r.id(), c.type(), c.title(), c.summary(), c.url(),
                new Organization(c.organizationName(), c.organizationUrl()), c.bases(), c.topics(), c.countries(),
                c.regions(), c.languages(), c.phone(), c.sms(), c.email(), c.hours(), c.available24x7(), c.cost(),
                c.eligibility(), r.lastVerifiedAt(), r.isPublished() && r.isStale(now, staleAfter), r.status(),
                r.createdAt(), r.updatedAt());
    }

    static ResourceChangeResponse toResponse(ResourceChange change) {
        Actor actor = change.actor();
        return new ResourceChangeResponse(change.id(), change.action(), change.changedAt(),
                new ResourceChangeResponse.ChangeActor(actor.kind().name(), actor.accountId(), actor.partnerId()),
                change.changes().stream()
                        .map(f -> new ResourceChangeResponse.Change(f.field(), f.previousValue(), f.replacementValue()))
                        .toList());
    }
}
