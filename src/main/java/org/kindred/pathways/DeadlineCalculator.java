package org.kindred.pathways;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Deadline arithmetic, a pure function of a {@link DeadlineRule} and the dates of an incident: no clock, no state.
 * In order: the period is added to the start (the act, or the last act of a continuing course when the rule counts
 * from it); a month period that lands on a day the later month lacks follows the rule's {@link DeadlineRule.MonthEnd};
 * "less one day" takes a day off; a pause (when the rule allows one) adds the days paused; "next working day" moves a
 * Saturday or Sunday to the Monday. Every step is written into the explanation.
 */
public final class DeadlineCalculator {

    /** A computed date and how it was reached, e.g. {@code 180 days from 2026-03-02 = 2026-08-29}. */
    public record Deadline(LocalDate date, String explanation) {
    }

    private DeadlineCalculator() {
    }

    public static Deadline compute(DeadlineRule rule, LocalDate act, Optional<LocalDate> lastAct,
            Optional<Pause> pause) {
        LocalDate start = rule.from() == DeadlineRule.Start.LAST_ACT ? lastAct.orElse(act) : act;
        String from = rule.from() == DeadlineRule.Start.LAST_ACT && lastAct.isPresent()
                ? "the last act on " + start
                : start.toString();
        StringBuilder why = new StringBuilder(rule.period() + " from " + from);
        LocalDate date = add(rule.period(), start, rule.monthEnd(), why);
        why.append(" = ").append(date);
        if (rule.lessOneDay()) {
            date = date.minusDays(1);
            why.append(", less one day = ").append(date);
        }
        if (rule.pause() != null && pause.isPresent() && pause.get().days() > 0) {
            date = date.plusDays(pause.get().days());
            why.append(", plus ").append(pause.get().days()).append(pause.get().days() == 1 ? " day" : " days")
                    .append(" paused = ").append(date);
        }
        if (rule.nextWorkingDay() && isWeekend(date)) {
            LocalDate moved = date;
            while (isWeekend(moved)) {
                moved = moved.plusDays(1);
            }
            why.append(" (a ").append(dayName(date)).append(": moved to the next working day, ").append(moved)
                    .append("; public holidays are not considered)");
            date = moved;
        }
        return new Deadline(date, why.toString());
    }

    /** The date of an extension (null when it has no fixed period), explained with its condition. */
    public static Deadline extension(DeadlineRule rule, DeadlineRule.Extension extension, LocalDate act,
            Optional<LocalDate> lastAct, Optional<Pause> pause) {
        if (extension.period() == null) {
            return new Deadline(null, "No fixed date: " + extension.condition());
        }
        Deadline extended = compute(rule.withPeriod(extension.period()), act, lastAct, pause);
        return new Deadline(extended.date(), extended.explanation() + " if " + lowerFirst(extension.condition()));
    }

    private static LocalDate add(Length period, LocalDate start, DeadlineRule.MonthEnd monthEnd, StringBuilder why) {
        LocalDate date = switch (period.unit()) {
            case DAYS -> start.plusDays(period.amount());
            case MONTHS -> start.plusMonths(period.amount());
            case YEARS -> start.plusYears(period.amount());
        };
        if (period.unit() != Length.Unit.DAYS && date.getDayOfMonth() != start.getDayOfMonth()) {
            // The later month has no such day (31 January + 1 month, 29 February + 1 year): clamped to its last day.
            if (monthEnd == DeadlineRule.MonthEnd.FIRST_DAY_OF_NEXT_MONTH) {
                date = date.plusDays(1);
                why.append(" (that month has no day ").append(start.getDayOfMonth()).append(": its next day)");
            } else {
                why.append(" (that month has no day ").append(start.getDayOfMonth()).append(": its last day)");
            }
        }
        return date;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String dayName(LocalDate date) {
        String name = date.getDayOfWeek().name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
