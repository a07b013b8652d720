-- Deadline reminders for incident journal entries (opt-in per entry). The plan (country, subdivision, last act,
-- paused days, time zone) is encrypted with the member's journal data key like the entry itself, so it is shredded
-- with it; the database holds only when each reminder is due, the deadline's date and how many days before it.
CREATE TABLE journal_reminder_plans (
    entry_id    uuid        PRIMARY KEY REFERENCES journal_entries (id) ON DELETE CASCADE,
    account_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    plan        bytea       NOT NULL,  -- 12-byte nonce || AES-GCM ciphertext || tag (associated data: entry id)
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX journal_reminder_plans_account ON journal_reminder_plans (account_id);

CREATE TABLE journal_reminders (
    id           uuid        PRIMARY KEY,
    entry_id     uuid        NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,
    account_id   uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remind_at    timestamptz NOT NULL,            -- 09:00 on the day, in the member's time zone
    deadline_on  date        NOT NULL,
    days_before  integer     NOT NULL CHECK (days_before IN (1, 7, 30)),
    sent_at      timestamptz,
    UNIQUE (entry_id, deadline_on, days_before)
);
CREATE INDEX journal_reminders_due ON journal_reminders (remind_at) WHERE sent_at IS NULL;
CREATE INDEX journal_reminders_entry ON journal_reminders (entry_id);

-- A reminder notification points at a journal entry (its owner's only) and says how many days are left; still no
-- content: not the pathway, not the country, not the date of the incident.
ALTER TABLE notifications ADD COLUMN journal_entry_id uuid, ADD COLUMN days_left integer;
CREATE INDEX notifications_journal_entry ON notifications (journal_entry_id) WHERE journal_entry_id IS NOT NULL;
