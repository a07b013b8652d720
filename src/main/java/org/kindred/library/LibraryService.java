package org.kindred.library;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.kindred.library.api.CreateResourceRequest;
import org.kindred.library.api.ResourceChangeResponse;
import org.kindred.library.api.ResourceResponse;
import org.kindred.library.api.UpdateResourceRequest;
import org.kindred.platform.db.UniqueViolation;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.error.Problem;
import org.kindred.platform.paging.CursorCodec;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.validation.LanguageTagValidator;
import org.kindred.platform.web.ETags;
import org.kindred.platform.web.Versioned;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The resource library: public reads, curation by admins, submissions by partner organisations, and the change log
 * that records who changed what and when. Permission checks live in {@link LibraryAccess}.
 */
@ApplicationScoped
public class LibraryService {

    private static final Logger LOG = Logger.getLogger(LibraryService.class);

    private final CuratedResourceRepository resources;
    private final ResourceChangeRepository changes;
    private final LibraryAccess access;
    private final LibraryConfig config;
    private final CursorCodec cursors;
    private final ResourceETags etags;
    private final Clock clock;

    public LibraryService(CuratedResourceRepository resources, ResourceChangeRepository changes, LibraryAccess access,
            LibraryConfig config, CursorCodec cursors, ResourceETags etags, Clock clock) {
        this.resources = resources;
        this.changes = changes;
        this.access = access;
        this.config = config;
        this.cursors = cursors;
        this.etags = etags;
        this.clock = clock;
    }

    /**
     * A page of resources. Everyone sees PUBLISHED ones; with {@code modifiedSince} also ARCHIVED ones, as tombstones
     * for delta sync. {@code status} is for admins (any status) and partners (their own submissions);
     * {@code staleOnly} for admins.
     */
    public Page<ResourceResponse> list(ResourceFilter filter, PageParams page) {
        return page(filter, visibilityFor(filter), "resources", page);
    }

    /** A page of a feed: published resources only (feeds have no tombstones), with the public filters. */
    public Page<ResourceResponse> feed(ResourceFilter filter, PageParams page) {
        return page(filter.publicPart(), ResourceQuery.Visibility.PUBLIC, "feed", page);
    }

    private Page<ResourceResponse> page(ResourceFilter filter, ResourceQuery.Visibility visibility, String list,
            PageParams page) {
        String scope = list + "|" + filter.canonical() + "|" + visibility.submittedBy();
        List<String> after = page.cursor == null ? null : cursors.decode(scope, page.cursor, 2);
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            ResourceQuery query = new ResourceQuery(filter, visibility, now.minus(config.staleAfter()), after);
            List<CuratedResource> rows = resources.page(query, page.limit + 1);
            boolean more = rows.size() > page.limit;
            List<CuratedResource> items = more ? rows.subList(0, page.limit) : rows;
            String next = null;
            if (more) {
                CuratedResource last = items.get(items.size() - 1);
                Float rank = query.sort() == ResourceQuery.Sort.RELEVANCE
                        ? resources.rank(last.id(), filter.q())
                        : null;
                next = cursors.encode(scope, ResourceQuery.cursorValues(query.sort(), last, rank));
            }
            return Page.of(items.stream().map(r -> toResponse(r, now)).toList(), next);
        });
    }

    /**
     * When anything public in the library last changed (for the feeds' Last-Modified): an edit, a publication, an
     * archival, or a resource turning stale. Library-wide on purpose: a resource edited out of a filtered feed changes
     * that feed too. Null while the library is empty.
     */
    public Instant lastPublicChange() {
        return QuarkusTransaction.requiringNew().call(() -> resources.lastPublicChange(clock.instant(),
                config.staleAfter()));
    }

    /** One resource, with the ETag of its representation; 404 when it does not exist or is not visible. */
    public Versioned<ResourceResponse> get(UUID id) {
        LibraryAccess.Viewer viewer = access.viewer();
        return QuarkusTransaction.requiringNew().call(() -> {
            CuratedResource resource = visible(id, viewer);
            return versioned(toResponse(resource, clock.instant()));
        });
    }

    /** Admins publish at once; partner submissions wait in PENDING_REVIEW. The same live URL twice is a 409. */
    public Versioned<ResourceResponse> create(CreateResourceRequest request) {
        Actor actor = access.requireCurator();
        ResourceContent content = contentOf(request);
        return saving(() -> {
            requireUniqueUrl(content.url(), null, actor);
            Instant now = clock.instant();
            CuratedResource resource = actor.isPartner()
                    ? CuratedResource.submit(content, actor.partnerId(), now)
                    : CuratedResource.curate(content, now, now);
            resources.persist(resource);
            log(resource, actor.isPartner() ? ChangeAction.SUBMITTED : ChangeAction.CREATED, actor,
                    EMPTY.changesTo(content), now);
            resources.flush();
            LOG.infof("%s %s resource %s", actor.kind(), actor.isPartner() ? "submitted" : "created", resource.id());
            return versioned(toResponse(resource, now));
        });
    }

    /** Merge patch. Admins edit anything; partners only their own submissions that are still pending review. */
    public Versioned<ResourceResponse> update(UUID id, UpdateResourceRequest patch, String ifMatch) {
        Actor actor = access.requireCurator();
        LibraryAccess.Viewer viewer = access.viewer();
        return saving(() -> {
            CuratedResource resource = editable(id, actor, viewer);
            Instant now = clock.instant();
            ETags.requireMatch(ifMatch, etags.of(toResponse(resource, now)));
            ResourceContent next = merge(resource.content(), patch);
            if (!next.url().equals(resource.content().url())) {
                requireUniqueUrl(next.url(), resource.id(), actor);
            }
            List<FieldChange> changed = resource.replaceContent(next, now);
            if (!changed.isEmpty()) {
                log(resource, ChangeAction.UPDATED, actor, changed, now);
            }
            resources.flush();
            return versioned(toResponse(resource, now));
        });
    }

    /** DELETE: admins archive; a partner withdraws its own pending submission. Archiving twice changes nothing. */
    public void archive(UUID id, String ifMatch) {
        Actor actor = access.requireCurator();
        LibraryAccess.Viewer viewer = access.viewer();
        QuarkusTransaction.requiringNew().run(() -> {
            CuratedResource resource = editable(id, actor, viewer);
            Instant now = clock.instant();
            ETags.requireMatch(ifMatch, etags.of(toResponse(resource, now)));
            if (resource.status() != ResourceStatus.ARCHIVED) {
                log(resource, ChangeAction.ARCHIVED, actor, resource.archive(now), now);
            }
        });
    }

    /** Admins publish a submission (or restore an archived resource); publishing verifies it. */
    public Versioned<ResourceResponse> publish(UUID id) {
        Actor actor = access.requireAdmin();
        return saving(() -> {
            CuratedResource resource = resources.findByIdOptional(id).orElseThrow(LibraryService::notFound);
            Instant now = clock.instant();
            if (!resource.isPublished()) {
                log(resource, ChangeAction.PUBLISHED, actor, resource.publish(now), now);
                resources.flush();
            }
            return versioned(toResponse(resource, now));
        });
    }

    /** Admins confirm a published resource is still correct: lastVerifiedAt becomes now and it is no longer stale. */
    public Versioned<ResourceResponse> verify(UUID id) {
        Actor actor = access.requireAdmin();
        return QuarkusTransaction.requiringNew().call(() -> {
            CuratedResource resource = resources.findByIdOptional(id).orElseThrow(LibraryService::notFound);
            if (!resource.isPublished()) {
                throw new ConflictException("not-published", "Not published",
                        "Only published resources are verified; publish a submission instead (that verifies it too)");
            }
            Instant now = clock.instant();
            log(resource, ChangeAction.VERIFIED, actor, resource.verify(now), now);
            resources.flush();
            return versioned(toResponse(resource, now));
        });
    }

    /** The change log of a resource, newest first (admins). */
    public Page<ResourceChangeResponse> changes(UUID id, PageParams page) {
        access.requireAdmin();
        String scope = "resource-changes|" + id;
        List<String> after = page.cursor == null ? null : cursors.decode(scope, page.cursor, 2);
        return QuarkusTransaction.requiringNew().call(() -> {
            resources.findByIdOptional(id).orElseThrow(LibraryService::notFound);
            List<ResourceChange> rows = changes.page(id,
                    after == null ? null : Instant.EPOCH.plus(Long.parseLong(after.get(0)), ChronoUnit.MICROS),
                    after == null ? null : UUID.fromString(after.get(1)), page.limit + 1);
            boolean more = rows.size() > page.limit;
            List<ResourceChange> items = more ? rows.subList(0, page.limit) : rows;
            String next = null;
            if (more) {
                ResourceChange last = items.get(items.size() - 1);
                next = cursors.encode(scope, List.of(
                        Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, last.changedAt())),
                        last.id().toString()));
            }
            return Page.of(items.stream().map(ResourceMapper::toResponse).toList(), next);
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
        ResourceContent content = contentOf(request);
        Instant now = clock.instant();
        if (existing.isEmpty()) {
            CuratedResource resource = CuratedResource.curate(content, checkedAt, now);
            resource.applySeed(key, hash, checkedAt);
            resources.persist(resource);
            log(resource, ChangeAction.CREATED, Actor.SEED, EMPTY.changesTo(content), now);
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
            log(resource, ChangeAction.UPDATED, Actor.SEED, changed, now);
        }
        return SeedOutcome.UPDATED;
    }

    private ResourceQuery.Visibility visibilityFor(ResourceFilter filter) {
        LibraryAccess.Viewer viewer = access.viewer();
        if (filter.staleOnly()) {
            access.requireAdmin();
            return ResourceQuery.Visibility.PUBLIC;
        }
        if (filter.status() != null && filter.status() != ResourceStatus.PUBLISHED) {
            if (viewer.partnerId() != null) {
                access.requireCurator();
                return new ResourceQuery.Visibility(List.of(filter.status()), viewer.partnerId());
            }
            access.requireAdmin();
            return new ResourceQuery.Visibility(List.of(filter.status()), null);
        }
        if (filter.status() == null && filter.modifiedSince() != null) {
            return ResourceQuery.Visibility.PUBLIC_WITH_TOMBSTONES;
        }
        return ResourceQuery.Visibility.PUBLIC;
    }

    private CuratedResource visible(UUID id, LibraryAccess.Viewer viewer) {
        return resources.findByIdOptional(id).filter(viewer::mayView).orElseThrow(LibraryService::notFound);
    }

    private CuratedResource editable(UUID id, Actor actor, LibraryAccess.Viewer viewer) {
        CuratedResource resource = visible(id, viewer);
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

    private void log(CuratedResource resource, ChangeAction action, Actor actor, List<FieldChange> changed,
            Instant now) {
        changes.persist(ResourceChange.record(resource.id(), action, actor, changed, now));
    }

    private ResourceResponse toResponse(CuratedResource resource, Instant now) {
        return ResourceMapper.toResponse(resource, now, config.staleAfter());
    }

    private Versioned<ResourceResponse> versioned(ResourceResponse body) {
        return new Versioned<>(body, etags.of(body));
    }

    private static NotFoundException notFound() {
        return new NotFoundException("No such resource");
    }

    private static final ResourceContent EMPTY = new ResourceContent(null, null, null, null, null, null, List.of(),
            List.of(), List.of(), List.of(), List.of(), null, null, null, null, false, null, null);

    /** Validated, canonical content of a create request (Bean Validation has checked the shapes). */
    static ResourceContent contentOf(CreateResourceRequest r) {
        List<String> countries = distinct(r.countries(), Function.identity());
        List<String> regions = distinct(r.regions(), Function.identity());
        checkServiceArea(countries, regions);
        return new ResourceContent(r.type(), r.title().strip(), r.summary().strip(), r.url(),
                r.organization().name().strip(), blankToNull(r.organization().url()),
                distinct(r.bases(), Function.identity()), distinct(r.topics(), Function.identity()), countries,
                regions, distinct(r.languages(), LanguageTagValidator::canonical), blankToNull(r.phone()),
                blankToNull(r.sms()), blankToNull(r.email()), blankToNull(r.hours()),
                Boolean.TRUE.equals(r.available24x7()), r.cost(), blankToNull(r.eligibility()));
    }

    private static ResourceContent merge(ResourceContent c, UpdateResourceRequest p) {
        String organizationName = c.organizationName();
        String organizationUrl = c.organizationUrl();
        if (p.organization() != null) {
            UpdateResourceRequest.OrganizationPatch org = required("organization", p.organization());
            if (org.name() != null) {
                organizationName = required("organization.name", org.name()).strip();
            }
            if (org.url() != null) {
                organizationUrl = blankToNull(org.url().orElse(null));
            }
        }
        List<String> countries = p.countries() == null
                ? c.countries()
                : distinct(required("countries", p.countries()), Function.identity());
        List<String> regions = p.regions() == null
                ? c.regions()
                : distinct(requiredList("regions", p.regions()), Function.identity());
        checkServiceArea(countries, regions);
        return new ResourceContent(
                p.type() == null ? c.type() : required("type", p.type()),
                p.title() == null ? c.title() : required("title", p.title()).strip(),
                p.summary() == null ? c.summary() : required("summary", p.summary()).strip(),
                p.url() == null ? c.url() : required("url", p.url()),
                organizationName, organizationUrl,
                p.bases() == null ? c.bases() : distinct(requiredList("bases", p.bases()), Function.identity()),
                p.topics() == null ? c.topics() : distinct(requiredList("topics", p.topics()), Function.identity()),
                countries, regions,
                p.languages() == null
                        ? c.languages()
                        : distinct(required("languages", p.languages()), LanguageTagValidator::canonical),
                p.phone() == null ? c.phone() : blankToNull(p.phone().orElse(null)),
                p.sms() == null ? c.sms() : blankToNull(p.sms().orElse(null)),
                p.email() == null ? c.email() : blankToNull(p.email().orElse(null)),
                p.hours() == null ? c.hours() : blankToNull(p.hours().orElse(null)),
                p.available24x7() == null ? c.available24x7() : required("available24x7", p.available24x7()),
                p.cost() == null ? c.cost() : required("cost", p.cost()),
                p.eligibility() == null ? c.eligibility() : blankToNull(p.eligibility().orElse(null)));
    }

    /** GLOBAL stands alone; a region must lie in one of the resource's countries. */
    private static void checkServiceArea(List<String> countries, List<String> regions) {
        if (countries.contains(CuratedResource.GLOBAL) && countries.size() > 1) {
            throw new BadRequestException("countries", "GLOBAL cannot be combined with country codes");
        }
        for (int i = 0; i < regions.size(); i++) {
            if (!countries.contains(regions.get(i).substring(0, 2))) {
                throw new BadRequestException("regions[" + i + "]",
                        "must be a subdivision of one of the resource's countries");
            }
        }
    }

    private static <T> T required(String field, Optional<T> value) {
        return value.orElseThrow(() -> new BadRequestException(field, "cannot be null"));
    }

    private static <T> List<T> requiredList(String field, Optional<List<T>> value) {
        return value.orElseThrow(() -> new BadRequestException(field, "cannot be null; send [] to clear it"));
    }

    private static <T, R> List<R> distinct(List<T> values, Function<T, R> canonical) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<R> result = new LinkedHashSet<>();
        values.forEach(v -> result.add(canonical.apply(v)));
        return List.copyOf(result);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
