package org.kindred.platform.paging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one keyset paging loop of every list: decode the cursor (signed for the list's scope), fetch {@code limit + 1}
 * rows after that position, keep {@code limit}, and encode the position of the last row shown as the next cursor when
 * there are more. A list supplies only its query, the sort key of a row, and how rows become response items.
 */
@ApplicationScoped
public class KeysetPaging {

    private final CursorCodec cursors;

    public KeysetPaging(CursorCodec cursors) {
        this.cursors = cursors;
    }

    /**
     * One page.
     *
     * @param scope what the cursor is valid for: the list, its parent object, its filters and sort order
     * @param keyValues how many values a position has
     * @param fetch the rows after a position ({@code null}: the first page), at most the given number of them
     * @param keyOf the position of a row, as the values a cursor carries
     * @param render the response items of the rows shown (a whole page at once, so lookups can be batched)
     */
    public <T, R> Page<R> page(String scope, PageParams params, int keyValues,
            BiFunction<List<String>, Integer, List<T>> fetch, Function<T, List<String>> keyOf,
            Function<List<T>, List<R>> render) {
        List<String> after = params.cursor == null ? null : cursors.decode(scope, params.cursor, keyValues);
        List<T> rows = fetch.apply(after, params.limit + 1);
        boolean more = rows.size() > params.limit;
        List<T> shown = more ? rows.subList(0, params.limit) : rows;
        String next = more ? cursors.encode(scope, keyOf.apply(shown.get(shown.size() - 1))) : null;
        return Page.of(render.apply(shown), next);
    }

    /** The most common position: a timestamp and the id that breaks ties. */
    public record TimeAndId(Instant at, UUID id) {

        /** The position a cursor's two values name; null for the first page. */
        public static TimeAndId of(List<String> values) {
            return values == null ? null : new TimeAndId(Instant.parse(values.get(0)), UUID.fromString(values.get(1)));
        }

        public static List<String> key(Instant at, UUID id) {
            return List.of(at.toString(), id.toString());
        }

        public static Instant at(TimeAndId position) {
            return position == null ? null : position.at();
        }

        public static UUID id(TimeAndId position) {
            return position == null ? null : position.id();
        }
    }
}
