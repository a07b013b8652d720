package org.kindred.platform.validation;

/** Regular expressions for {@code @Pattern} on free text. */
public final class TextPatterns {

    /** One line: no control characters at all. */
    public static final String SINGLE_LINE = "[^\\p{Cntrl}]*";

    /** Several lines: newlines and tabs allowed, other control characters not. */
    public static final String MULTI_LINE = "(?:[^\\p{Cntrl}]|[\\n\\r\\t])*";

    public static final String MESSAGE = "must not contain control characters";

    private TextPatterns() {
    }
}
