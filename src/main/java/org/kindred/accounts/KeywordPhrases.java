package org.kindred.accounts;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.kindred.platform.error.BadRequestException;

/**
 * The text rule of keyword mutes: how a phrase is normalised, and the PostgreSQL regular expression (ARE) that finds it
 * in a post. Matching ignores case by construction (each letter becomes a bracket of its cases, so it does not depend
 * on the database's locale), runs of white space match any white space, every other ASCII character is escaped, and a
 * whole-word phrase must sit between the text's ends or characters that are neither letters, digits nor {@code _}.
 */
final class KeywordPhrases {

    static final int MAX_LENGTH = 100;
    private static final String EDGE = "[^[:alnum:]_]";

    private KeywordPhrases() {
    }

    /** NFC, trimmed, inner white space collapsed to one space, lower case; a 400 when nothing usable is left. */
    static String normalise(String raw) {
        String phrase = Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
        if (phrase.isEmpty()) {
            throw new BadRequestException("phrase", "must not be blank");
        }
        if (phrase.codePointCount(0, phrase.length()) > MAX_LENGTH) {
            throw new BadRequestException("phrase", "must be at most " + MAX_LENGTH + " characters");
        }
        if (phrase.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadRequestException("phrase", "must not contain control characters");
        }
        return phrase;
    }

    /** The regular expression of a normalised phrase (see the class comment). */
    static String pattern(String phrase, boolean wholeWord) {
        StringBuilder out = new StringBuilder(phrase.length() * 4 + 40);
        if (wholeWord) {
            out.append("(^|").append(EDGE).append(')');
        }
        phrase.codePoints().forEach(cp -> append(out, cp));
        if (wholeWord) {
            out.append("($|").append(EDGE).append(')');
        }
        return out.toString();
    }

    private static void append(StringBuilder out, int cp) {
        if (cp == ' ') {
            out.append("[[:space:]]+");
        } else if (cp < 128 && !Character.isLetterOrDigit(cp)) {
            out.append('\\').appendCodePoint(cp); // in an ARE, a backslash before a non-alphanumeric is that character
        } else if (Character.isLetter(cp)) {
            Set<Integer> cases = new LinkedHashSet<>();
            cases.add(cp);
            cases.add(Character.toLowerCase(cp));
            cases.add(Character.toUpperCase(cp));
            cases.add(Character.toTitleCase(cp));
            if (cases.size() == 1) {
                out.appendCodePoint(cp);
            } else {
                out.append('[');
                cases.forEach(out::appendCodePoint);
                out.append(']');
            }
        } else {
            out.appendCodePoint(cp); // digits, and characters outside ASCII that are no regular-expression syntax
        }
    }
}
