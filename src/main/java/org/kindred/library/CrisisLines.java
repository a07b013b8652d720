package org.kindred.library;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.library.api.CrisisLinesResponse;
import org.kindred.platform.validation.CountryCodeValidator;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The crisis lines and helplines for a country, for people who may be in crisis: the crisis endpoint and, in process,
 * the safety check. Never fails on its input: an unknown or missing country gets the international lines.
 */
@ApplicationScoped
public class CrisisLines {

    private final CuratedResourceRepository resources;
    private final LibraryConfig config;
    private final Clock clock;

    public CrisisLines(CuratedResourceRepository resources, LibraryConfig config, Clock clock) {
        this.resources = resources;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The published CRISIS_LINE and HELPLINE resources of {@code country} (ISO 3166-1 alpha-2), those answering
     * around the clock first; the international (GLOBAL) ones when the country has none or is null or unknown.
     */
    public CrisisLinesResponse forCountry(String country) {
        String code = country != null && CountryCodeValidator.isCountryCode(country) ? country : null;
        return QuarkusTransaction.joiningExisting().call(() -> {
            Instant now = clock.instant();
            List<CuratedResource> lines = code == null ? List.of() : resources.crisisLines(code);
            boolean international = lines.isEmpty();
            if (international) {
                lines = resources.crisisLines(CuratedResource.GLOBAL);
            }
            return new CrisisLinesResponse(code, international,
                    lines.stream().map(r -> ResourceMapper.toResponse(r, now, config.staleAfter())).toList());
        });
    }
}
