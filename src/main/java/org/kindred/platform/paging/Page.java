package org.kindred.platform.paging;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a cursor-paginated list. {@code nextCursor} is null on the last page, {@code prevCursor} on the first
 * (and on lists that cannot go back).
 */
public record Page<T>(
        @Schema(description = "The items of this page, in the list's order; `[]` when empty", required = true, maxItems = PageParams.MAX_LIMIT) List<T> items,
        @Schema(description = "Opaque cursor for the next page (pass as `?cursor=`); null on the last page", nullable = true, maxLength = 1024, example = "eyJ2IjpbIjE3MzI0MDAwMDAwMDAwMDAiLCI3ZjAiXX0.Qx3kT1cX4YH1") String nextCursor,
        @Schema(description = Page.PREV_CURSOR, nullable = true, maxLength = 1024, example = "eyJiZWZvcmUiOlsiMTczMjQwMDAwMDAwMDAwMCIsIjdmMCJdfQ.Vb2mE8pR0sJd") String prevCursor) {

    /** What {@code prevCursor} means, for this record and the page schemas written out for the OpenAPI document. */
    public static final String PREV_CURSOR = "Opaque cursor for the previous page (pass as `?cursor=`): the `limit` "
            + "items just before this page's first one, in the list's order (the first page itself when fewer are "
            + "left). Null on the first page; a page reached with `nextCursor` always has one, even when it is empty";

    public static <T> Page<T> of(List<T> items, String nextCursor) {
        return of(items, nextCursor, null);
    }

    public static <T> Page<T> of(List<T> items, String nextCursor, String prevCursor) {
        return new Page<>(List.copyOf(items), nextCursor, prevCursor);
    }

    public <R> Page<R> map(java.util.function.Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor, prevCursor);
    }
}
