package org.kindred.library;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.library.api.ResourceResponse;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.web.Versioned;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Reading the library: the resource list (public, delta sync, the curators' queues), the feeds' pages and their
 * Last-Modified, and single resources. Who sees what is decided with {@link LibraryAccess}; changes are
 * {@link ResourceCuration}'s.
 */
@ApplicationScoped
public class ResourceCatalogue {

    private final CuratedResourceRepository resources;
    private final LibraryAccess access;
    private final LibraryConfig config;
    private final KeysetPaging paging;
    private final ResourceETags etags;
    private final Clock clock;

    public ResourceCatalogue(CuratedResourceRepository resources, LibraryAccess access, LibraryConfig config,
            KeysetPaging paging, ResourceETags etags, Clock clock) {
        this.resources = resources;
        this.access = access;
        this.config = config;
        this.paging = paging;
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
        ResourceQuery.Sort sort = ResourceQuery.Sort.of(filter);
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Instant staleCutoff = now.minus(config.staleAfter());
            return paging.page(scope, page, 2,
                    (at, direction, rows) -> resources
                            .page(new ResourceQuery(filter, visibility, staleCutoff, direction, at), rows),
                    last -> ResourceQuery.cursorValues(sort, last,
                            sort == ResourceQuery.Sort.RELEVANCE ? resources.rank(last.id(), filter.q()) : null),
                    shown -> shown.stream().map(r -> toResponse(r, now)).toList());
        });
    }

    /**
     * The public library's fingerprint and when anything public in it last changed (the feeds' Last-Modified): an
     * edit, a publication, an archival, or a resource turning stale. Library-wide on purpose: a resource edited out of
     * a filtered feed changes that feed too.
     */
    public PublicSnapshot publicSnapshot() {
        return QuarkusTransaction.requiringNew().call(() -> resources.publicSnapshot(clock.instant(),
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

    /** A resource the viewer may see, in the caller's transaction; 404 otherwise. */
    CuratedResource visible(UUID id, LibraryAccess.Viewer viewer) {
        return resources.findByIdOptional(id).filter(viewer::mayView).orElseThrow(ResourceCatalogue::notFound);
    }

    /** A resource of any status, in the caller's transaction; 404 when there is none. */
    CuratedResource existing(UUID id) {
        return resources.findByIdOptional(id).orElseThrow(ResourceCatalogue::notFound);
    }

    /** The representation of a resource at {@code now} ({@code stale} depends on it). */
    ResourceResponse toResponse(CuratedResource resource, Instant now) {
        return ResourceMapper.toResponse(resource, now, config.staleAfter());
    }

    /** A representation with its ETag. */
    Versioned<ResourceResponse> versioned(ResourceResponse body) {
        return new Versioned<>(body, etags.of(body));
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

    private static NotFoundException notFound() {
        return new NotFoundException("No such resource");
    }
}
