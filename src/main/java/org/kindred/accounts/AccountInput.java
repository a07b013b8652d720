package org.kindred.accounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.Problem;
import org.kindred.platform.validation.LanguageTagValidator;

/**
 * What registration and profile changes share: how typed e-mails, names and languages are stored, the minimum age,
 * and the answer when an e-mail or handle is already in use.
 */
final class AccountInput {

    static final int MINIMUM_AGE = 16;

    private AccountInput() {
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static List<String> canonicalLanguages(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        return tags.stream().map(LanguageTagValidator::canonical).distinct().toList();
    }

    /** Refuses a birth year that makes the member younger than {@link #MINIMUM_AGE} this year. */
    static void requireOldEnough(int birthYear, Instant now) {
        if (now.atZone(ZoneOffset.UTC).getYear() - birthYear < MINIMUM_AGE) {
            throw new BadRequestException("birthYear", "Kindred is for people aged " + MINIMUM_AGE + " and over");
        }
    }

    static ConflictException duplicate(List<Problem.FieldError> errors) {
        return new ConflictException("duplicate", "Already in use",
                "An account with this e-mail or handle already exists", errors, null);
    }
}
