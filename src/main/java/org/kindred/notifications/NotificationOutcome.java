package org.kindred.notifications;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome a decision notification reports: only whether something was done, never what or why. */
@Schema(description = "`APPROVED` / `DENIED` for MEMBERSHIP_DECIDED; `ACTION_TAKEN` / `NO_ACTION` for REPORT_OUTCOME")
public enum NotificationOutcome {
    APPROVED, DENIED, ACTION_TAKEN, NO_ACTION
}
