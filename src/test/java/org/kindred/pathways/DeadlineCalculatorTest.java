package org.kindred.pathways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deadline arithmetic, table-driven: plain JUnit, no Quarkus, no clock. */
class DeadlineCalculatorTest {

    @ParameterizedTest(name = "{0} {1} from {6} (last act {7}, paused {8}) = {9}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // amount | unit | from | lessOneDay | monthEnd | nextWorkingDay | act | lastAct | paused | expected | explanation
            "180 | DAYS   | ACT      | false | L | false | 2026-03-02 | -          | 0  | 2026-08-29 | 180 days from 2026-03-02 = 2026-08-29",
            // the same date falls on a Saturday: a rule with "next working day" moves it to Monday
            "180 | DAYS   | ACT      | false | L | true  | 2026-03-02 | -          | 0  | 2026-08-31 | 180 days from 2026-03-02 = 2026-08-29 (a Saturday: moved to the next working day, 2026-08-31; public holidays are not considered)",
            // a Sunday moves one day
            "300 | DAYS   | ACT      | false | L | true  | 2026-03-02 | -          | 0  | 2026-12-28 | 300 days from 2026-03-02 = 2026-12-27 (a Sunday: moved to the next working day, 2026-12-28; public holidays are not considered)",
            // a weekday stays
            "3   | MONTHS | ACT      | true  | L | true  | 2026-03-02 | -          | 0  | 2026-06-01 | 3 months from 2026-03-02 = 2026-06-02, less one day = 2026-06-01",
            // month ends: 31 January + 1 month is the last day of February, or 1 March where the rule says so
            "1   | MONTHS | ACT      | false | L | false | 2026-01-31 | -          | 0  | 2026-02-28 | 1 month from 2026-01-31 (that month has no day 31: its last day) = 2026-02-28",
            "1   | MONTHS | ACT      | false | F | false | 2026-01-31 | -          | 0  | 2026-03-01 | 1 month from 2026-01-31 (that month has no day 31: its next day) = 2026-03-01",
            "3   | MONTHS | ACT      | false | L | false | 2026-05-31 | -          | 0  | 2026-08-31 | 3 months from 2026-05-31 = 2026-08-31",
            // leap years
            "1   | MONTHS | ACT      | false | L | false | 2028-01-31 | -          | 0  | 2028-02-29 | 1 month from 2028-01-31 (that month has no day 31: its last day) = 2028-02-29",
            "1   | YEARS  | ACT      | false | L | false | 2028-02-29 | -          | 0  | 2029-02-28 | 1 year from 2028-02-29 (that month has no day 29: its last day) = 2029-02-28",
            "1   | YEARS  | ACT      | false | F | false | 2028-02-29 | -          | 0  | 2029-03-01 | 1 year from 2028-02-29 (that month has no day 29: its next day) = 2029-03-01",
            "4   | YEARS  | ACT      | false | L | false | 2028-02-29 | -          | 0  | 2032-02-29 | 4 years from 2028-02-29 = 2032-02-29",
            "366 | DAYS   | ACT      | false | L | false | 2027-03-01 | -          | 0  | 2028-03-01 | 366 days from 2027-03-01 = 2028-03-01",
            // "three months less one day" and "six months less one day"
            "3   | MONTHS | ACT      | true  | L | false | 2026-01-01 | -          | 0  | 2026-03-31 | 3 months from 2026-01-01 = 2026-04-01, less one day = 2026-03-31",
            "3   | MONTHS | ACT      | true  | L | false | 2026-11-30 | -          | 0  | 2027-02-27 | 3 months from 2026-11-30 (that month has no day 30: its last day) = 2027-02-28, less one day = 2027-02-27",
            "6   | MONTHS | ACT      | true  | L | false | 2026-08-31 | -          | 0  | 2027-02-27 | 6 months from 2026-08-31 (that month has no day 31: its last day) = 2027-02-28, less one day = 2027-02-27",
            // a pause (early conciliation) extends the date
            "3   | MONTHS | ACT      | true  | L | false | 2026-03-02 | -          | 14 | 2026-06-15 | 3 months from 2026-03-02 = 2026-06-02, less one day = 2026-06-01, plus 14 days paused = 2026-06-15",
            "3   | MONTHS | ACT      | true  | L | false | 2026-03-02 | -          | 1  | 2026-06-02 | 3 months from 2026-03-02 = 2026-06-02, less one day = 2026-06-01, plus 1 day paused = 2026-06-02",
            // a continuing course counts from its last act, where the rule says so
            "180 | DAYS   | LAST_ACT | false | L | false | 2026-01-01 | 2026-03-02 | 0  | 2026-08-29 | 180 days from the last act on 2026-03-02 = 2026-08-29",
            "180 | DAYS   | LAST_ACT | false | L | false | 2026-01-01 | -          | 0  | 2026-06-30 | 180 days from 2026-01-01 = 2026-06-30",
            "180 | DAYS   | ACT      | false | L | false | 2026-01-01 | 2026-03-02 | 0  | 2026-06-30 | 180 days from 2026-01-01 = 2026-06-30",
            // every step at once: pause lands on a Saturday, moved to Monday
            "2   | MONTHS | LAST_ACT | false | L | true  | 2026-01-10 | 2026-03-15 | 1  | 2026-05-18 | 2 months from the last act on 2026-03-15 = 2026-05-15, plus 1 day paused = 2026-05-16 (a Saturday: moved to the next working day, 2026-05-18; public holidays are not considered)"})
    void computes(int amount, Length.Unit unit, DeadlineRule.Start from, boolean lessOneDay, String monthEnd,
            boolean nextWorkingDay, LocalDate act, LocalDate lastAct, int paused, LocalDate expected,
            String explanation) {
        DeadlineRule rule = rule(new Length(amount, unit), from, lessOneDay,
                monthEnd.equals("F")
                        ? DeadlineRule.MonthEnd.FIRST_DAY_OF_NEXT_MONTH
                        : DeadlineRule.MonthEnd.LAST_DAY_OF_MONTH,
                nextWorkingDay, "Early conciliation", List.of());
        DeadlineCalculator.Deadline deadline = DeadlineCalculator.compute(rule, act, Optional.ofNullable(lastAct),
                paused == 0 ? Optional.empty() : Optional.of(new Pause(paused)));
        assertEquals(expected, deadline.date());
        assertEquals(explanation, deadline.explanation());
    }

    @Test
    void aPauseCountsOnlyWhereTheRuleAllowsOne() {
        DeadlineRule rule = rule(new Length(180, Length.Unit.DAYS), DeadlineRule.Start.ACT, false,
                DeadlineRule.MonthEnd.LAST_DAY_OF_MONTH, false, null, List.of());
        assertEquals(LocalDate.parse("2026-08-29"), DeadlineCalculator
                .compute(rule, LocalDate.parse("2026-03-02"), Optional.empty(), Optional.of(new Pause(30))).date());
    }

    @Test
    void anExtensionIsComputedWithTheRulesCalendarAndExplainedWithItsCondition() {
        DeadlineRule.Extension longer = new DeadlineRule.Extension(new Length(300, Length.Unit.DAYS),
                "A state or local agency enforces a law against the same discrimination");
        DeadlineRule.Extension discretion = new DeadlineRule.Extension(null, "The tribunal may accept a late claim");
        DeadlineRule rule = rule(new Length(180, Length.Unit.DAYS), DeadlineRule.Start.LAST_ACT, false,
                DeadlineRule.MonthEnd.LAST_DAY_OF_MONTH, true, null, List.of(longer, discretion));
        LocalDate act = LocalDate.parse("2026-03-02");

        DeadlineCalculator.Deadline extended = DeadlineCalculator.extension(rule, longer, act, Optional.empty(),
                Optional.empty());
        assertEquals(LocalDate.parse("2026-12-28"), extended.date());
        assertEquals("300 days from 2026-03-02 = 2026-12-27 (a Sunday: moved to the next working day, 2026-12-28; "
                + "public holidays are not considered) if a state or local agency enforces a law against the same "
                + "discrimination", extended.explanation());

        DeadlineCalculator.Deadline open = DeadlineCalculator.extension(rule, discretion, act, Optional.empty(),
                Optional.empty());
        assertNull(open.date());
        assertEquals("No fixed date: The tribunal may accept a late claim", open.explanation());
    }

    static DeadlineRule rule(Length period, DeadlineRule.Start from, boolean lessOneDay,
            DeadlineRule.MonthEnd monthEnd, boolean nextWorkingDay, String pause,
            List<DeadlineRule.Extension> extensions) {
        return new DeadlineRule("rule", "A rule", period, from, lessOneDay, monthEnd, nextWorkingDay, pause,
                extensions, null);
    }
}
