package org.kindred.platform.web;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Conditional GET (RFC 9110 §13.1.2 and §13.1.3) for public reads: {@code If-None-Match} is compared weakly against
 * the current ETag and, when present, decides alone; otherwise {@code If-Modified-Since} is compared with the
 * last-modified time at one-second precision (HTTP dates carry no fractions).
 */
public final class ConditionalGet {

    private ConditionalGet() {
    }

    /** Whether the client's copy is current, so a 304 Not Modified is the right answer. */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            return etag != null && ETags.matchesWeakly(ifNoneMatch, etag);
        }
        if (ifModifiedSince != null && lastModified != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    /** An HTTP date ({@code Last-Modified}), e.g. {@code Mon, 23 Nov 2026 18:00:00 GMT}. */
    public static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS)
                .atZone(java.time.ZoneOffset.UTC));
    }
}
