package org.kindred.platform.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * Turns a {@link Page} into a 200 with one {@code Link} header (RFC 8288) naming the next and previous pages:
 * {@code <...>; rel="next", <...>; rel="prev"}, each only when the page has that cursor.
 */
public final class PageResponses {

    private PageResponses() {
    }

    public static <T> RestResponse<Page<T>> ok(Page<T> page, UriInfo uri) {
        RestResponse.ResponseBuilder<Page<T>> builder = RestResponse.ResponseBuilder.ok(page);
        String links = links(page, uri);
        if (links != null) {
            builder.header("Link", links);
        }
        return builder.build();
    }

    /** The {@code Link} header of a page served at the request's URI with another {@code cursor}; null when none. */
    public static String links(Page<?> page, UriInfo uri) {
        return links(page,
                cursor -> uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().toString());
    }

    /** The {@code Link} header of a page whose neighbours are at {@code urlOf(cursor)}; null when it has none. */
    public static String links(Page<?> page, UnaryOperator<String> urlOf) {
        List<String> links = new ArrayList<>(2);
        if (page.nextCursor() != null) {
            links.add("<" + urlOf.apply(page.nextCursor()) + ">; rel=\"next\"");
        }
        if (page.prevCursor() != null) {
            links.add("<" + urlOf.apply(page.prevCursor()) + ">; rel=\"prev\"");
        }
        return links.isEmpty() ? null : String.join(", ", links);
    }
}
