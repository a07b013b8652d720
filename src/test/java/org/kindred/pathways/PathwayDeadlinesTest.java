package org.kindred.pathways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.kindred.groups.Basis;
import org.kindred.pathways.api.ComputedDeadline;
import org.kindred.pathways.api.DeadlinesResponse;
import org.kindred.platform.error.UnprocessableException;

import io.quarkus.test.junit.QuarkusTest;

/** The service entry point a journal entry will use: several grounds at once, the member's zone, the same rules. */
@QuarkusTest
class PathwayDeadlinesTest {

    @Inject
    PathwayDeadlines deadlines;

    @Test
    void anIncidentWithSeveralGroundsGetsEveryPathwayCoveringAnyOfThem() {
        DeadlinesResponse answer = deadlines.forIncident(new PathwayDeadlines.Incident(
                new PathwayFilter("DE", null, Area.WORK, Set.of(Basis.CASTE_CLASS, Basis.AGE)),
                LocalDate.parse("2026-03-31"), null, 0, ZoneId.of("Europe/Berlin")));
        assertEquals(List.of("de-agg-employment"), answer.items().stream().map(ComputedDeadline::pathwayId).toList());
        // 31 March + 2 months = 31 May 2026, a Sunday: § 193 BGB moves it to Monday
        assertEquals(LocalDate.parse("2026-06-01"), answer.items().get(0).date());
        assertEquals("Europe/Berlin", answer.timeZone());

        assertEquals(List.of(), deadlines.forIncident(new PathwayDeadlines.Incident(
                new PathwayFilter("DE", null, Area.WORK, Set.of(Basis.CASTE_CLASS)), LocalDate.parse("2026-03-31"),
                null, 0, null)).items());
    }

    @Test
    void theSameRulesRefuseAFutureIncident() {
        assertThrows(UnprocessableException.class,
                () -> deadlines.forIncident(new PathwayDeadlines.Incident(
                        new PathwayFilter("FR", null, null, Set.of()), LocalDate.parse("2999-01-01"), null, 0,
                        null)));
    }
}
