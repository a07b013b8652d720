package org.kindred.pathways;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.kindred.platform.error.BadRequestException;

/** Dates in query parameters of the deadline endpoints (the public one and a journal entry's): ISO 8601 or 400. */
public final class QueryDates {

    private QueryDates() {
    }

    /** The date, null when absent or empty, a 400 naming {@code name} when it is not {@code YYYY-MM-DD}. */
    public static LocalDate parse(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name, "must be an ISO 8601 date, e.g. 2026-03-02");
        }
    }
}
