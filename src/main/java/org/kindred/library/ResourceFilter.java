package org.kindred.library;

import java.time.Instant;
import java.util.Objects;

import org.kindred.groups.Basis;
import org.kindred.groups.Topic;

/**
 * The filters of the resource list and the feeds, parsed and canonical. {@code country} is an ISO 3166-1 alpha-2 code
 * (also matching GLOBAL resources) or GLOBAL itself; {@code language} a canonical BCP 47 tag; {@code q} non-blank
 * text for full-text search. {@code status} and {@code staleOnly} are curators' filters.
 */
public record ResourceFilter(ResourceType type, Basis basis, Topic topic, String country, String language, String q,
        Instant modifiedSince, ResourceStatus status, boolean staleOnly) {

    public static final ResourceFilter NONE = new ResourceFilter(null, null, null, null, null, null, null, null,
            false);

    public ResourceFilter {
        q = q == null || q.isBlank() ? null : q.strip();
    }

    public boolean hasQuery() {
        return q != null;
    }

    /** Only the public filters: what the feeds accept and what a feed's Last-Modified is computed over. */
    public ResourceFilter publicPart() {
        return new ResourceFilter(type, basis, topic, country, language, q, modifiedSince, null, false);
    }

    /** A stable text form for cursor scopes: a cursor only fits the list it came from. */
    String canonical() {
        return String.join("|", Objects.toString(type, ""), Objects.toString(basis, ""),
                Objects.toString(topic, ""), Objects.toString(country, ""), Objects.toString(language, ""),
                Objects.toString(q, ""), modifiedSince == null ? "" : modifiedSince.toString(),
                Objects.toString(status, ""), Boolean.toString(staleOnly));
    }
}
