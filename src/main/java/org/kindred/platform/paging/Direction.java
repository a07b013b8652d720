package org.kindred.platform.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which side of a keyset position a page's rows come from. A list writes its page query once, for the next page (the
 * comparison that means "after" in its order and its ORDER BY), and asks the direction for both: going back, every
 * comparison and every sort term is reversed, so the rows before the position come nearest first and every filter
 * stays the same.
 */
public enum Direction {
    /** The rows after a position, in the list's order: the next page (today's cursors). */
    AFTER,
    /** The rows before a position, nearest first (the list's order reversed): the previous page, reversed back. */
    BEFORE;

    /**
     * The keyset comparison for this direction, given the one that means "after" in the list's order ({@code <} in a
     * newest-first list, {@code >} in an oldest-first one).
     */
    public String compare(String after) {
        if (this == AFTER) {
            return after;
        }
        return switch (after) {
            case "<" -> ">";
            case ">" -> "<";
            case "<=" -> ">=";
            case ">=" -> "<=";
            default -> throw new IllegalArgumentException("Not a keyset comparison: " + after);
        };
    }

    /**
     * The ORDER BY terms for this direction, given the list's own (JPQL or SQL, e.g. {@code "created_at DESC, id
     * DESC"}): going back, each term is reversed ({@code DESC} to {@code ASC}, {@code ASC} or nothing to {@code DESC},
     * {@code NULLS FIRST} to {@code NULLS LAST}).
     */
    public String order(String listOrder) {
        if (this == AFTER) {
            return listOrder;
        }
        List<String> reversed = new ArrayList<>();
        for (String term : terms(listOrder)) {
            reversed.add(reverse(term.strip()));
        }
        return String.join(", ", reversed);
    }

    private static String reverse(String term) {
        String nulls = "";
        String lower = term.toLowerCase(Locale.ROOT);
        if (lower.endsWith(" nulls first") || lower.endsWith(" nulls last")) {
            boolean first = lower.endsWith(" nulls first");
            nulls = first ? " NULLS LAST" : " NULLS FIRST";
            term = term.substring(0, term.length() - (first ? " nulls first" : " nulls last").length()).strip();
            lower = term.toLowerCase(Locale.ROOT);
        }
        if (lower.endsWith(" desc")) {
            return term.substring(0, term.length() - 5) + " ASC" + nulls;
        }
        if (lower.endsWith(" asc")) {
            term = term.substring(0, term.length() - 4);
        }
        return term + " DESC" + nulls;
    }

    /** The comma-separated terms of an ORDER BY list (commas inside parentheses belong to their term). */
    private static List<String> terms(String order) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < order.length(); i++) {
            char c = order.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                terms.add(order.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(order.substring(start));
        return terms;
    }
}
