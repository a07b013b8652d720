package org.kindred.library;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;
import org.kindred.library.api.CreateResourceRequest;
import org.kindred.library.api.ResourceResponse;
import org.kindred.library.api.UpdateResourceRequest;
import org.kindred.library.events.ResourceArchived;
import org.kindred.library.events.ResourcePublished;
import org.kindred.library.events.ResourceUpdated;
import org.kindred.platform.db.UniqueViolation;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.Problem;
import org.kindred.platform.events.DomainEvent;
import org.kindred.platform.web.ETags;
import org.kindred.platform.web.Versioned;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Changing the library: admins create, edit, archive, publish and verify resources; partner organisations submit
 * resources and change their own submissions while they wait for review; the seed loader applies its entries. Every
 * change is recorded in the {@link ResourceChangeLog}; a resource becoming PUBLISHED fires {@link ResourcePublished},
 * a published one changing {@link ResourceUpdated}, and a published one archived {@link ResourceArchived}. Permission
 * checks live in {@link LibraryAccess}.
 */
@ApplicationScoped
public class ResourceCuration {

    private static final Logger LOG = Logger.getLogger(ResourceCuration.class);

    private final CuratedResourceRepository resources;
    private final ResourceCatalogue catalogue;
    private final ResourceChangeLog changeLog;
    private final LibraryAccess access;
    private final ResourceETags etags;
    private final Event<DomainEvent> events;
    private final Clock clock;

    public ResourceCuration(CuratedResourceRepository resources, ResourceCatalogue catalogue,
            ResourceChangeLog changeLog, LibraryAccess access, ResourceETags etags, Event<DomainEvent> events,
            Clock clock) {
        this.resources = resources;
        this.catalogue = catalogue;
        this.changeLog = changeLog;
        this.access = access;
        this.etags = etags;
        this.events = events;
        this.clock = clock;
    }

    /** Admins publish at once; partner submissions wait in PENDING_REVIEW. The same live URL twice is a 409. */
    public Versioned<ResourceResponse> create(CreateResourceRequest request) {
        Actor actor = access.requireCurator();
        ResourceContent content = ResourceContents.of(request);
        return saving(() -> {
            requireUniqueUrl(content.url(), null, actor);
            Instant now = clock.instant();
            CuratedResource resource = actor.isPartner()
                    ? CuratedResource.submit(content, actor.partnerId(), now)
                    : CuratedResource.curate(content, now, now);
            resources.persist(resource);
            changeLog.record(resource, actor.isPartner() ? ChangeAction.SUBMITTED : ChangeAction.CREATED, actor,
                    ResourceContents.EMPTY.changesTo(content), now);
            resources.flush();
            if (resource.isPublished()) {
                events.fire(new ResourcePublished(resource.id()));
            }
            LOG.infof("%s %s resource %s", actor.kind(), actor.isPartner() ? "submitted" : "created", resource.id());
            return catalogue.versioned(catalogue.toResponse(resource, now));
        });
    }

    /** Merge patch. Admins edit anything; partners only their own submissions that are still pending review. */
    public Versioned<ResourceResponse> update(UUID id, UpdateResourceRequest patch, String ifMatch) {
        Actor actor = access.requireCurator();
        LibraryAccess.Viewer viewer = access.viewer();
        return saving(() -> {
            CuratedResource resource = editable(id, actor, viewer);
            Instant now = clock.instant();
            ETags.requireMatch(ifMatch, etags.of(catalogue.toResponse(resource, now)));
            ResourceContent next = ResourceContents.merged(resource.content(), patch);
            if (!next.url().equals(resource.content().url())) {
                requireUniqueUrl(next.url(), resource.id(), actor);
            }
            List<FieldChange> changed = resource.replaceContent(next, now);
            if (!changed.isEmpty()) {
                changeLog.record(resource, ChangeAction.UPDATED, actor, changed, now);
            }
            resources.flush();
            if (!changed.isEmpty() && resource.isPublished()) {
                events.fire(new ResourceUpdated(resource.id()));
            }
            return catalogue.versioned(catalogue.toResponse(resource, now));
        });
    }

    /** DELETE: admins archive; a partner withdraws its own pending submission. Archiving twice changes nothing. */
    public void archive(UUID id, String ifMatch) {
        Actor actor = access.requireCurator();
        LibraryAccess.Viewer viewer = access.viewer();
        QuarkusTransaction.requiringNew().run(() -> {
            CuratedResource resource = editable(id, actor, viewer);
            Instant now = clock.instant();
            ETags.requireMatch(ifMatch, etags.of(catalogue.toResponse(resource, now)));
            if (resource.status() != ResourceStatus.ARCHIVED) {
                boolean wasPublic = resource.isPublished();
                changeLog.record(resource, ChangeAction.ARCHIVED, actor, resource.archive(now), now);
                if (wasPublic) {
                    events.fire(new ResourceArchived(resource.id()));
                }
            }
        });
    }

    /** Admins publish a submission (or restore an archived resource); publishing verifies it. */
    public Versioned<ResourceResponse> publish(UUID id) {
        Actor actor = access.requireAdmin();
        return saving(() -> {
            CuratedResource resource = catalogue.existing(id);
            Instant now = clock.instant();
            if (!resource.isPublished()) {
                changeLog.record(resource, ChangeAction.PUBLISHED, actor, resource.publish(now), now);
                resources.flush();
                events.fire(new ResourcePublished(resource.id()));
            }
            return catalogue.versioned(catalogue.toResponse(resource, now));
        });
    }

    /** Admins confirm a published resource is still correct: lastVerifiedAt becomes now and it is no longer stale. */
    public Versioned<ResourceResponse> verify(UUID id) {
        Actor actor = access.requireAdmin();
        return QuarkusTransaction.requiringNew().call(() -> {
            CuratedResource resource = catalogue.existing(id);
            if (!resource.isPublished()) {
                throw new ConflictException("not-published", "Not published",
                        "Only published resources are verified; publish a submission instead (that verifies it too)");
            }
            Instant now = clock.instant();
            changeLog.record(resource, ChangeAction.VERIFIED, actor, resource.verify(now), now);
            resources.flush();
            events.fire(new ResourceUpdated(resource.id()));
            return catalogue.versioned(catalogue.toResponse(resource, now));
        });
    }

    /** What applying one seed entry did. */
    enum SeedOutcome {
        CREATED, UPDATED, UNCHANGED
    }

    /**
     * Creates or updates the row of a seed entry, identified by its key. An entry whose content hash equals the one
     * last applied changes nothing, so re-running the loader is a no-op and curators' later edits survive it; a
     * changed entry is applied (its fields win) and logged. Archived rows stay archived. Runs in the caller's
     * transaction.
     */
    SeedOutcome applySeed(String key, byte[] hash, CreateResourceRequest request, Instant checkedAt) {
        Optional<CuratedResource> existing = resources.findBySeedKey(key);
        if (existing.isPresent() && Arrays.equals(existing.get().seedHash(), hash)) {
            return SeedOutcome.UNCHANGED;
        }
        ResourceContent content = ResourceContents.of(request);
        Instant now = clock.instant();
        if (existing.isEmpty()) {
            CuratedResource resource = CuratedResource.curate(content, checkedAt, now);
            resource.applySeed(key, hash, checkedAt);
            resources.persist(resource);
            changeLog.record(resource, ChangeAction.CREATED, Actor.SEED, ResourceContents.EMPTY.changesTo(content),
                    now);
            events.fire(new ResourcePublished(resource.id()));
            return SeedOutcome.CREATED;
        }
        CuratedResource resource = existing.get();
        Instant verifiedBefore = resource.lastVerifiedAt();
        List<FieldChange> changed = new ArrayList<>(resource.replaceContent(content, now));
        resource.applySeed(key, hash, checkedAt);
        if (!resource.lastVerifiedAt().equals(verifiedBefore)) {
            changed.add(FieldChange.of("lastVerifiedAt", verifiedBefore, resource.lastVerifiedAt()));
        }
        if (!changed.isEmpty()) {
            changeLog.record(resource, ChangeAction.UPDATED, Actor.SEED, changed, now);
            if (resource.isPublished()) {
                events.fire(new ResourceUpdated(resource.id()));
            }
        }
        return SeedOutcome.UPDATED;
    }

    private CuratedResource editable(UUID id, Actor actor, LibraryAccess.Viewer viewer) {
        CuratedResource resource = catalogue.visible(id, viewer);
        if (actor.isPartner()) {
            if (!resource.wasSubmittedBy(actor.partnerId())) {
                // visible() let it through, so it is published: the partner may see it, not change it.
                throw new ForbiddenException("Partners change only their own submissions; ask the Kindred curators");
            }
            if (!resource.isPendingReview()) {
                throw new ConflictException("already-reviewed", "Already reviewed",
                        "This submission has been reviewed; ask the Kindred curators to change it");
            }
        }
        return resource;
    }

    private void requireUniqueUrl(String url, UUID self, Actor actor) {
        Optional<CuratedResource> same = resources.findLiveByUrl(url).filter(r -> !r.id().equals(self));
        if (same.isPresent()) {
            CuratedResource existing = same.get();
            boolean visible = !actor.isPartner() || existing.isPublished()
                    || existing.wasSubmittedBy(actor.partnerId());
            throw duplicateUrl(visible ? existing.id() : null);
        }
    }

    private <T> T saving(Callable<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work);
        } catch (RuntimeException e) {
            if (UniqueViolation.isCause(e)) {
                // Two requests raced past the URL check; the unique index decided.
                throw duplicateUrl(null);
            }
            throw e;
        }
    }

    private static ConflictException duplicateUrl(UUID existing) {
        return new ConflictException("duplicate", "Already in the library",
                "A resource with this URL is already in the library or waiting for review",
                List.of(new Problem.FieldError("url", "is already in the library")),
                existing == null ? null : Map.of("existingResourceId", existing.toString()));
    }
}
