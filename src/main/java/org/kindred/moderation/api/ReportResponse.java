package org.kindred.moderation.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.moderation.ReportAction;
import org.kindred.moderation.ReportReason;
import org.kindred.moderation.ReportStatus;
import org.kindred.moderation.ReportTarget;

@Schema(name = "Report", description = "A report you filed (or, for moderators, one in their queue)")
public record ReportResponse(
        @Schema(required = true) UUID id,
        @Schema(required = true) ReportTarget targetType,
        @Schema(required = true) UUID targetId,
        @Schema(required = true) ReportReason reason,
        @Schema(nullable = true, maxLength = 2000) String details,
        @Schema(required = true) ReportStatus status,
        @Schema(nullable = true, description = "What the moderators did, once closed. The member who filed a report about a "
                + "post sees post-level actions (HIDE_POST, REMOVE_POST, LOCK_THREAD, RESTORE_POST, NONE) but never an "
                + "action against the author's account (WARN, BAN_MEMBER, SUSPEND_ACCOUNT): for them this is null and "
                + "`actionTaken` is true, so a report can never tell who wrote an anonymous post") ReportAction resolution,
        @Schema(required = true, description = "True once the report was resolved with an action other than NONE") boolean actionTaken,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {
}
