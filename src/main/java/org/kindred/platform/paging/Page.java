package org.kindred.platform.paging;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a cursor-paginated list. {@code nextCursor} is null on the last page. */
public record Page<T>(
        @Schema(description = "The items of this page, in the list's order; `[]` when empty", required = true, maxItems = PageParams.MAX_LIMIT) List<T> items,
        @Schema(description = "Opaque cursor for the next page (pass as `?cursor=`); null on the last page", nullable = true, maxLength = 1024, example = "eyJ2IjpbIjE3MzI0MDAwMDAwMDAwMDAiLCI3ZjAiXX0.Qx3kT1cX4YH1") String nextCursor) {

    public static <T> Page<T> of(List<T> items, String nextCursor) {
        return new Page<>(List.copyOf(items), nextCursor);
    }

    public <R> Page<R> map(java.util.function.Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
