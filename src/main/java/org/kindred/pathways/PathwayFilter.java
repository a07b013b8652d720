package org.kindred.pathways;

import java.util.Set;

import org.kindred.groups.Basis;
import org.kindred.platform.error.BadRequestException;

/**
 * Which pathways apply: a country (ISO 3166-1 alpha-2), optionally a subdivision of it (ISO 3166-2; the country's
 * national pathways and those of that subdivision apply, not those of other subdivisions), an area and a ground.
 * Every part is optional; a subdivision alone implies its country. With several grounds (a journal entry may name
 * more than one), a pathway covering any of them applies.
 */
public record PathwayFilter(String country, String subdivision, Area area, Set<Basis> bases) {

    private static final java.util.regex.Pattern SUBDIVISION = java.util.regex.Pattern
            .compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    public PathwayFilter {
        if (subdivision != null && !subdivision.isEmpty()) {
            if (!SUBDIVISION.matcher(subdivision).matches()) {
                throw new BadRequestException("subdivision", "must be an ISO 3166-2 code in upper case, e.g. US-CA");
            }
            String of = subdivision.substring(0, 2);
            if (country != null && !country.isEmpty() && !country.equals(of)) {
                throw new BadRequestException("subdivision", "must be a subdivision of " + country);
            }
            country = of;
        } else {
            subdivision = null;
        }
        if (country != null && country.isEmpty()) {
            country = null;
        }
        bases = bases == null ? Set.of() : Set.copyOf(bases);
    }

    /** One ground, or none (null). */
    public PathwayFilter(String country, String subdivision, Area area, Basis basis) {
        this(country, subdivision, area, basis == null ? Set.of() : Set.of(basis));
    }

    boolean matches(PathwayEntry entry) {
        return (country == null || country.equals(entry.country()))
                && (subdivision == null || entry.subdivisions().isEmpty()
                        || entry.subdivisions().contains(subdivision))
                && (area == null || entry.areas().contains(area))
                && (bases.isEmpty() || entry.bases().stream().anyMatch(bases::contains));
    }
}
