package org.kindred.platform.paging;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;

/** Turns a {@link Page} into a 200 with a {@code Link: <...>; rel="next"} header when there is a next page. */
public final class PageResponses {

    private PageResponses() {
    }

    public static <T> RestResponse<Page<T>> ok(Page<T> page, UriInfo uri) {
        RestResponse.ResponseBuilder<Page<T>> builder = RestResponse.ResponseBuilder.ok(page);
        if (page.nextCursor() != null) {
            String next = uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build().toString();
            builder.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return builder.build();
    }
}
