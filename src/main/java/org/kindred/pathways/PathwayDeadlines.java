package org.kindred.pathways;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.pathways.api.ComputedDeadline;
import org.kindred.pathways.api.DeadlinesResponse;
import org.kindred.platform.error.UnprocessableException;

/**
 * The time limits that apply to an incident: every matching pathway's rules computed by {@link DeadlineCalculator},
 * earliest first, with the days left from today in the member's time zone. The entry point for anything that knows
 * an incident (the public endpoint, and a journal entry once the journal calls it).
 */
@ApplicationScoped
public class PathwayDeadlines {

    public static final String NOT_LEGAL_ADVICE = "This is general information, not legal advice. Time limits depend "
            + "on the facts, can be shorter or longer than shown, and the rules change: check the official source of "
            + "each pathway and talk to an adviser, a legal clinic or the body itself as early as you can.";
    /** With no time zone given, an incident is in the future only when it is after today everywhere on Earth. */
    private static final ZoneId EARLIEST_TODAY = ZoneOffset.ofHours(14);

    /**
     * An incident: where (the filter), when it happened, the last act if it continued, the days a clock stood still
     * (e.g. early conciliation) and the member's time zone (null: UTC for counting days left).
     */
    public record Incident(PathwayFilter filter, LocalDate incidentDate, LocalDate lastActDate, int pausedDays,
            ZoneId zone) {
    }

    private final PathwayCatalogue catalogue;
    private final Clock clock;

    public PathwayDeadlines(PathwayCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The deadlines of every applicable pathway, earliest first; 422 for dates in the future or out of order. */
    public DeadlinesResponse forIncident(Incident incident) {
        ZoneId zone = incident.zone() == null ? ZoneId.of("UTC") : incident.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate latestToday = incident.zone() == null ? LocalDate.now(clock.withZone(EARLIEST_TODAY)) : today;
        requireDates(incident, latestToday);
        Optional<LocalDate> lastAct = Optional.ofNullable(incident.lastActDate());
        Optional<Pause> pause = incident.pausedDays() > 0
                ? Optional.of(new Pause(incident.pausedDays()))
                : Optional.empty();
        List<ComputedDeadline> items = new ArrayList<>();
        for (PathwayEntry entry : catalogue.matching(incident.filter())) {
            for (DeadlineRule rule : entry.deadlines()) {
                items.add(computed(entry, rule, incident.incidentDate(), lastAct, pause, today));
            }
        }
        items.sort(Comparator.comparing(ComputedDeadline::date).thenComparing(ComputedDeadline::pathwayId)
                .thenComparing(ComputedDeadline::deadlineId));
        return new DeadlinesResponse(incident.incidentDate(), incident.lastActDate(), incident.pausedDays(),
                zone.getId(), today, items, NOT_LEGAL_ADVICE);
    }

    private static void requireDates(Incident incident, LocalDate today) {
        if (incident.incidentDate().isAfter(today)) {
            throw new UnprocessableException("date-in-future", "Date in the future",
                    "incidentDate is after today: deadlines are counted from something that has happened",
                    Map.of("field", "incidentDate"));
        }
        if (incident.lastActDate() != null) {
            if (incident.lastActDate().isAfter(today)) {
                throw new UnprocessableException("date-in-future", "Date in the future",
                        "lastActDate is after today", Map.of("field", "lastActDate"));
            }
            if (incident.lastActDate().isBefore(incident.incidentDate())) {
                throw new UnprocessableException("dates-out-of-order", "Dates out of order",
                        "lastActDate is before incidentDate: the last act of a continuing course comes after its first",
                        Map.of("field", "lastActDate"));
            }
        }
    }

    private ComputedDeadline computed(PathwayEntry entry, DeadlineRule rule, LocalDate act,
            Optional<LocalDate> lastAct, Optional<Pause> pause, LocalDate today) {
        DeadlineCalculator.Deadline deadline = DeadlineCalculator.compute(rule, act, lastAct, pause);
        List<ComputedDeadline.ComputedExtension> extensions = new ArrayList<>();
        for (DeadlineRule.Extension extension : rule.extensions()) {
            DeadlineCalculator.Deadline extended = DeadlineCalculator.extension(rule, extension, act, lastAct, pause);
            extensions.add(new ComputedDeadline.ComputedExtension(extended.date(),
                    extended.date() == null ? null : ChronoUnit.DAYS.between(today, extended.date()),
                    extension.condition(), extended.explanation()));
        }
        long daysLeft = ChronoUnit.DAYS.between(today, deadline.date());
        return new ComputedDeadline(entry.id(), entry.name(), entry.country(), entry.subdivisions(),
                catalogue.body(entry), rule.id(), rule.label(), deadline.date(), deadline.explanation(), daysLeft,
                daysLeft < 0, extensions, rule.pause(), rule.note(), entry.source(), entry.checked(),
                entry.notLegalAdvice(), entry.verified());
    }
}
