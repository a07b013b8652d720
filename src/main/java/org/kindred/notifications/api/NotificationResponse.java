package org.kindred.notifications.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.notifications.NotificationKind;
import org.kindred.notifications.NotificationOutcome;

@Schema(name = "Notification", description = """
        A pointer to something that happened, without its content: no text, no titles, no group names, no reasons and \
        never who did it. Read the content through the normal endpoints (GET /api/v1/posts/{postId}, \
        GET /api/v1/groups/{groupId}, GET /api/v1/reports/{reportId}), which check what you may see now. A notification \
        whose post or group you may no longer see is left out of the inbox and deleted.""", example = """
        {"id": "0b6c9a52-8d1e-4f4e-9a43-2f0c1d7e5a10", "kind": "REPLY", "groupId": "7f0c2b1e-3a4d-4c5b-9e6f-1a2b3c4d5e6f",
         "threadId": "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "postId": "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a",
         "reportId": null, "outcome": null, "count": 1, "silent": false, "read": false,
         "createdAt": "2026-12-05T14:03:11Z", "updatedAt": "2026-12-05T14:03:11Z", "journalEntryId": null,
         "daysLeft": null}""")
public record NotificationResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) NotificationKind kind,
        @Schema(nullable = true, description = "The group it happened in") UUID groupId,
        @Schema(nullable = true, description = "The thread, for replies and reactions in a thread") UUID threadId,
        @Schema(nullable = true, description = "The post it is about (for REPLY: the new reply)") UUID postId,
        @Schema(nullable = true, description = "Your report (REPORT_OUTCOME) or the newest report (REPORT_FILED)") UUID reportId,
        @Schema(nullable = true) NotificationOutcome outcome,
        @Schema(required = true, minimum = "1", maximum = "2147483647", description = "How many times it happened while unread: reactions to one post, join requests and reports in one group merge into one notification") int count,
        @Schema(required = true, description = "Delivered during your quiet hours: show it without sound") boolean silent,
        @Schema(required = true) boolean read,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, description = "When it last changed (a merged notification moves to the top)") Instant updatedAt,
        @Schema(nullable = true, description = "JOURNAL_DEADLINE: your journal entry the reminder is about (GET /api/v1/me/journal/entries/{entryId}/deadlines says which deadline)") UUID journalEntryId,
        @Schema(nullable = true, minimum = "0", maximum = "30", description = "JOURNAL_DEADLINE: days left to the deadline (30, 7 or 1 when on time)") Integer daysLeft) {
}
