package org.kindred.platform.paging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one keyset paging loop of every list: decode the cursor (signed for the list's scope), fetch {@code limit + 1}
 * rows on the cursor's side of its position, keep {@code limit}, and encode the positions of the first and last rows
 * shown as the previous and next cursors. A list supplies only its query (one definition for both directions, see
 * {@link Direction}), the sort key of a row, and how rows become response items.
 * <p>
 * Going forward (no cursor, or a cursor for "after X"): the next cursor is "after the last row" when there are more
 * rows; the previous cursor is "before the first row" (or before X itself when the page is empty) unless this is the
 * first page. Going back (a cursor for "before X"): the {@code limit} rows just before X, in the list's order; the
 * next cursor is "after the last of them", the previous cursor "before the first of them" when there are rows before
 * it. When fewer than {@code limit} rows lie before X, the answer is the first page instead, so a page in the middle
 * of a list is never short.
 */
@ApplicationScoped
public class KeysetPaging {

    /** A list's page query, for either direction. */
    @FunctionalInterface
    public interface Rows<T> {

        /**
         * @param position the values of a cursor's position; {@code null} for the first page (always {@code AFTER})
         * @param direction {@code AFTER}: the rows after the position in the list's order; {@code BEFORE}: the rows
         *        before it, nearest first (the list's order reversed). Same filters either way.
         * @param limit at most this many rows
         */
        List<T> fetch(List<String> position, Direction direction, int limit);
    }

    private final CursorCodec cursors;

    public KeysetPaging(CursorCodec cursors) {
        this.cursors = cursors;
    }

    /**
     * One page.
     *
     * @param scope what the cursor is valid for: the list, its parent object, its filters and sort order
     * @param keyValues how many values a position has
     * @param fetch the rows on one side of a position ({@code null}: the first page), at most the given number
     * @param keyOf the position of a row, as the values a cursor carries
     * @param render the response items of the rows shown (a whole page at once, so lookups can be batched)
     */
    public <T, R> Page<R> page(String scope, PageParams params, int keyValues, Rows<T> fetch,
            Function<T, List<String>> keyOf, Function<List<T>, List<R>> render) {
        CursorCodec.Position at = params.cursor == null
                ? null
                : cursors.position(scope, params.cursor, keyValues);
        if (at != null && at.direction() == Direction.BEFORE) {
            List<T> before = fetch.fetch(at.values(), Direction.BEFORE, params.limit + 1);
            if (before.size() >= params.limit) {
                List<T> shown = new ArrayList<>(before.subList(0, params.limit));
                Collections.reverse(shown);
                String prev = before.size() > params.limit
                        ? cursors.encode(scope, Direction.BEFORE, keyOf.apply(shown.get(0)))
                        : null;
                String next = cursors.encode(scope, Direction.AFTER, keyOf.apply(shown.get(shown.size() - 1)));
                return Page.of(render.apply(shown), next, prev);
            }
            at = null; // less than a page before the position: the first page
        }
        List<T> rows = fetch.fetch(at == null ? null : at.values(), Direction.AFTER, params.limit + 1);
        boolean more = rows.size() > params.limit;
        List<T> shown = more ? rows.subList(0, params.limit) : rows;
        String next = more ? cursors.encode(scope, Direction.AFTER, keyOf.apply(shown.get(shown.size() - 1))) : null;
        String prev = at == null
                ? null
                : cursors.encode(scope, Direction.BEFORE, shown.isEmpty() ? at.values() : keyOf.apply(shown.get(0)));
        return Page.of(render.apply(shown), next, prev);
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
