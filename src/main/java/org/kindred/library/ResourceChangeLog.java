package org.kindred.library;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.library.api.ResourceChangeResponse;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** The change log of the library: who changed which resource, when, and which fields (before and after). */
@ApplicationScoped
public class ResourceChangeLog {

    private final ResourceChangeRepository changes;
    private final ResourceCatalogue catalogue;
    private final LibraryAccess access;
    private final KeysetPaging paging;

    public ResourceChangeLog(ResourceChangeRepository changes, ResourceCatalogue catalogue, LibraryAccess access,
            KeysetPaging paging) {
        this.changes = changes;
        this.catalogue = catalogue;
        this.access = access;
        this.paging = paging;
    }

    /** The change log of a resource, newest first (admins). */
    public Page<ResourceChangeResponse> page(UUID id, PageParams page) {
        access.requireAdmin();
        return QuarkusTransaction.requiringNew().call(() -> paging.page("resource-changes|" + id, page, 2,
                (at, direction, rows) -> {
                    // Checked once the cursor is (a bad cursor is a 400 even for a resource that does not exist).
                    catalogue.existing(id);
                    MicrosAndId position = MicrosAndId.of(at);
                    return changes.page(id, direction, MicrosAndId.at(position), MicrosAndId.id(position), rows);
                },
                change -> MicrosAndId.key(change.changedAt(), change.id()),
                shown -> shown.stream().map(ResourceMapper::toResponse).toList()));
    }

    /** Records a change, in the caller's transaction. */
    void record(CuratedResource resource, ChangeAction action, Actor actor, List<FieldChange> changed, Instant now) {
        changes.persist(ResourceChange.record(resource.id(), action, actor, changed, now));
    }
}
