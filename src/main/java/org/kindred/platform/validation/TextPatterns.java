package org.kindred.platform.validation;

/** Regular expressions for {@code @Pattern} on free text. */
public final class TextPatterns {

    /** One line: no control characters at all. */
    public static final String SINGLE_LINE = "[^\\p{Cntrl}]*";

    /**
     * Several lines: newlines and tabs allowed, other control characters not. One character class, not an alternation
     * in a group: Java's regex engine recurses once per repetition of a group and overflows the stack on long text.
     */
    public static final String MULTI_LINE = "[\\t\\n\\r\\P{Cntrl}]*";

    public static final String MESSAGE = "must not contain control characters";

    private TextPatterns() {
    }
}
