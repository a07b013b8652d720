package org.kindred.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.paging.CursorCodec;
import org.kindred.platform.paging.Direction;
import org.kindred.platform.paging.KeysetPaging;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;

/** The paging loop's directions over an in-memory list, newest (highest number) first, as most lists are. */
class KeysetPagingTest {

    private final CursorCodec codec = new CursorCodec(Optional.of("a-test-secret-that-is-at-least-32-chars"));
    private final KeysetPaging paging = new KeysetPaging(codec);
    private final List<Integer> rows = new ArrayList<>();

    /** The one query of the list, written for "after" and reversed by the direction, as the repositories do. */
    private List<Integer> fetch(List<String> at, Direction direction, int limit) {
        Integer position = at == null ? null : Integer.valueOf(at.get(0));
        boolean after = direction == Direction.AFTER;
        return rows.stream().filter(r -> position == null || (after ? r < position : r > position))
                .sorted(after ? (a, b) -> b - a : Integer::compare).limit(limit).toList();
    }

    private Page<Integer> page(int limit, String cursor) {
        return paging.page("numbers", new PageParams(limit, cursor), 1, this::fetch, r -> List.of(r.toString()),
                Function.identity());
    }

    private void numbers(int from, int to) {
        for (int i = from; i <= to; i++) {
            rows.add(i);
        }
    }

    @Test
    void walksForwardThenBackToTheFirstPage() {
        numbers(1, 10);
        Page<Integer> first = page(3, null);
        assertEquals(List.of(10, 9, 8), first.items());
        assertNull(first.prevCursor());
        Page<Integer> second = page(3, first.nextCursor());
        Page<Integer> third = page(3, second.nextCursor());
        Page<Integer> fourth = page(3, third.nextCursor());
        assertEquals(List.of(7, 6, 5), second.items());
        assertEquals(List.of(4, 3, 2), third.items());
        assertEquals(List.of(1), fourth.items());
        assertNull(fourth.nextCursor());

        Page<Integer> back3 = page(3, fourth.prevCursor());
        assertEquals(third.items(), back3.items());
        Page<Integer> back2 = page(3, back3.prevCursor());
        assertEquals(second.items(), back2.items());
        Page<Integer> back1 = page(3, back2.prevCursor());
        assertEquals(first.items(), back1.items());
        assertNull(back1.prevCursor(), "page 1 reached backwards has no previous page");
        assertNotNull(back1.nextCursor());
        assertEquals(second.items(), page(3, back1.nextCursor()).items());
    }

    @Test
    void aBackwardPageWithFewerRowsBeforeItIsTheFirstPage() {
        numbers(1, 10);
        Page<Integer> second = page(4, page(4, null).nextCursor());
        assertEquals(List.of(6, 5, 4, 3), second.items());
        rows.removeIf(r -> r == 9 || r == 8);
        Page<Integer> back = page(4, second.prevCursor());
        assertEquals(List.of(10, 7, 6, 5), back.items(), "a full first page, never a short one in the middle");
        assertNull(back.prevCursor());
        assertEquals(List.of(4, 3, 2, 1), page(4, back.nextCursor()).items());
    }

    @Test
    void anEmptyPageReachedForwardStillGoesBack() {
        numbers(1, 6);
        Page<Integer> first = page(3, null);
        rows.removeIf(r -> r <= 3);
        Page<Integer> empty = page(3, first.nextCursor());
        assertEquals(List.of(), empty.items());
        assertNull(empty.nextCursor());
        assertEquals(first.items(), page(3, empty.prevCursor()).items());
    }

    @Test
    void directionsAreSignedAndCursorsOfBeforeStillRead() {
        numbers(1, 10);
        String forward = codec.encode("numbers", List.of("5"));
        assertEquals("[\"5\"]", new String(java.util.Base64.getUrlDecoder().decode(forward.split("\\.")[0]),
                java.nio.charset.StandardCharsets.UTF_8), "next-page cursors keep the payload they always had");
        assertEquals(List.of(4, 3), page(2, forward).items(), "a cursor made before prevCursor existed");
        String backward = codec.encode("numbers", Direction.BEFORE, List.of("5"));
        assertEquals(new CursorCodec.Position(Direction.BEFORE, List.of("5")), codec.position("numbers", backward, 1));
        assertThrows(BadRequestException.class, () -> codec.position("other", backward, 1));
        String flipped = forward.split("\\.")[0] + "." + backward.split("\\.")[1];
        assertThrows(BadRequestException.class, () -> codec.position("numbers", flipped, 1));
        assertThrows(BadRequestException.class, () -> codec.decode("numbers", backward, 1));
    }

    @Test
    void theDirectionReversesComparisonsAndEveryOrderTerm() {
        assertEquals("<", Direction.AFTER.compare("<"));
        assertEquals(">", Direction.BEFORE.compare("<"));
        assertEquals("<=", Direction.BEFORE.compare(">="));
        assertEquals("created_at DESC, id DESC", Direction.AFTER.order("created_at DESC, id DESC"));
        assertEquals("created_at ASC, id ASC", Direction.BEFORE.order("created_at DESC, id DESC"));
        assertEquals("createdAt DESC, id DESC", Direction.BEFORE.order("createdAt, id"));
        assertEquals("q.rank DESC, q.member_reports ASC, q.first_at DESC, q.target_id DESC",
                Direction.BEFORE.order("q.rank, q.member_reports DESC, q.first_at, q.target_id"));
        assertEquals("ts_rank(r.search, websearch_to_tsquery('english', :q)) ASC, r.id DESC",
                Direction.BEFORE.order("ts_rank(r.search, websearch_to_tsquery('english', :q)) DESC, r.id"));
        assertEquals("a ASC NULLS FIRST, b DESC", Direction.BEFORE.order("a desc nulls last, b asc"));
    }
}
