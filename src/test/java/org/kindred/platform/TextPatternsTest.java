package org.kindred.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kindred.platform.validation.TextPatterns;

class TextPatternsTest {

    private static final Pattern MULTI = Pattern.compile(TextPatterns.MULTI_LINE);
    private static final Pattern SINGLE = Pattern.compile(TextPatterns.SINGLE_LINE);

    @Test
    void multiLineAllowsNewlinesAndTabsButNoOtherControlCharacters() {
        assertTrue(MULTI.matcher("Line one\nLine two\r\n\ttabbed, émoji 🙂").matches());
        assertFalse(MULTI.matcher("bell\u0007").matches());
        assertFalse(MULTI.matcher("null\u0000byte").matches());
        assertFalse(SINGLE.matcher("two\nlines").matches());
    }

    @Test
    void longTextDoesNotOverflowTheStack() {
        // A request body may hold 64 KiB; the pattern must not recurse per character.
        assertTrue(MULTI.matcher("a\n".repeat(40_000)).matches());
        assertTrue(SINGLE.matcher("x".repeat(80_000)).matches());
    }
}
