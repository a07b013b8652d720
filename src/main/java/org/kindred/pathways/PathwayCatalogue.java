package org.kindred.pathways;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;
import org.kindred.pathways.api.BodyResponse;
import org.kindred.pathways.api.PathwayResponse;

import io.quarkus.runtime.StartupEvent;

/**
 * The complaint pathways, read once from the packaged {@code seeds/pathways.yaml} and kept in memory: they are
 * curated reference data that changes only with a release (like the guidelines), never by an API call, so a table
 * would add a migration and a seed job without adding anything a reader could change. The file is validated when the
 * application starts; an invalid file stops the start with every problem listed.
 */
@ApplicationScoped
public class PathwayCatalogue {

    private static final Logger LOG = Logger.getLogger(PathwayCatalogue.class);
    /** National pathways before those of a subdivision, then by id. */
    private static final Comparator<PathwayEntry> ORDER = Comparator.comparing(PathwayEntry::country)
            .thenComparing(e -> !e.subdivisions().isEmpty()).thenComparing(PathwayEntry::id);

    private final Validator validator;
    private volatile List<PathwayEntry> entries;
    private volatile Map<String, BodyResponse> bodies;

    public PathwayCatalogue(Validator validator) {
        this.validator = validator;
    }

    void validateAtStartup(@Observes @Priority(1900) StartupEvent event) {
        LOG.infof("Complaint pathways from %s: %d entries", PathwaySeeds.PATHWAYS, entries().size());
    }

    /** Every pathway matching the filter, national ones first, then by id. */
    public List<PathwayEntry> matching(PathwayFilter filter) {
        return entries().stream().filter(filter::matches).sorted(ORDER).toList();
    }

    public Optional<PathwayEntry> get(String id) {
        return entries().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The body of a pathway, with a library resource's name and URL when it names one. */
    public BodyResponse body(PathwayEntry entry) {
        PathwayEntry.Body body = entry.body();
        return body.resourceKey() != null
                ? bodies.get(body.resourceKey())
                : new BodyResponse(body.name(), body.url(), null);
    }

    public PathwayResponse response(PathwayEntry e) {
        return new PathwayResponse(e.id(), e.country(), e.subdivisions(), e.name(), e.summary(), e.areas(),
                e.bases(), body(e), e.steps(), e.deadlines(), e.source(), e.checked(), e.notLegalAdvice(),
                e.verified());
    }

    private List<PathwayEntry> entries() {
        List<PathwayEntry> loaded = entries;
        if (loaded == null) {
            synchronized (this) {
                if (entries == null) {
                    Map<String, BodyResponse> library = PathwaySeeds.libraryBodies();
                    List<PathwayEntry> valid = PathwaySeeds.validated(PathwaySeeds.read(), validator, library);
                    bodies = Map.copyOf(library);
                    entries = List.copyOf(valid);
                }
                loaded = entries;
            }
        }
        return loaded;
    }
}
