package org.kindred.journal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The reminders set for one journal entry: the plan they were computed from and every reminder, sent or due. */
@Schema(name = "JournalReminders", description = "Deadline reminders for one of your journal entries: 30, 7 and 1 days before "
        + "each time limit of the pathways that apply (the main limits; conditional longer ones are in GET …/deadlines), "
        + "at 09:00 in `plan.timeZone`. Each arrives as a content-free `JOURNAL_DEADLINE` notification "
        + "(`journalEntryId`, `daysLeft`). Recomputed when you edit the entry's date, area or grounds.")
public record JournalRemindersResponse(
        @Schema(required = true) UUID entryId,
        @Schema(required = true) JournalReminderRequest plan,
        @Schema(required = true, maxItems = 300, description = "Oldest first; reminders whose day had passed when they were set are not scheduled") List<Reminder> reminders,
        @Schema(required = true) Instant updatedAt) {

    @Schema(name = "JournalReminder", description = "One reminder")
    public record Reminder(
            @Schema(required = true, description = "When it is (or was) due") Instant at,
            @Schema(required = true, type = SchemaType.STRING, implementation = String.class, format = "date", maxLength = 10, description = "The time limit it is about") LocalDate deadline,
            @Schema(required = true, minimum = "1", maximum = "30", description = "Days before the deadline: 30, 7 or 1", example = "7") int daysBefore,
            @Schema(nullable = true, description = "When it was delivered; null while due") Instant sentAt) {
    }
}
