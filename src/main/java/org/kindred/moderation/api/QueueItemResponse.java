package org.kindred.moderation.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.memberships.api.AccountRef;
import org.kindred.moderation.ReportAction;
import org.kindred.moderation.ReportReason;
import org.kindred.moderation.ReportSource;
import org.kindred.moderation.ReportStatus;
import org.kindred.moderation.ReportTarget;
import org.kindred.posts.api.PostResponse;

@Schema(name = "ModerationQueueItem", description = "Everything reported about one target, taken together. Reporters are never named.")
public record QueueItemResponse(
        @Schema(required = true, description = "Resolve the item by PATCHing this report: all its open reports close together") UUID reportId,
        @Schema(required = true) ReportTarget targetType,
        @Schema(required = true) UUID targetId,
        @Schema(required = true, description = "0: held for care; 1: waiting for approval; 2: reported; 3: closed") int priority,
        @Schema(required = true, description = "Distinct members who reported it") int reportCount,
        @Schema(required = true) List<ReportReason> reasons,
        @Schema(required = true, description = "MEMBER reports, and the service's own (SAFETY_CHECK, KEYWORD_RULE)") List<ReportSource> sources,
        @Schema(required = true, description = "The reporters' details, oldest first, without their names") List<String> details,
        @Schema(required = true) Instant firstReportedAt,
        @Schema(required = true) Instant lastReportedAt,
        @Schema(required = true) ReportStatus status,
        @Schema(nullable = true) ReportAction resolution,
        @Schema(nullable = true) Instant resolvedAt,
        @Schema(nullable = true, description = "The post as moderators see it (with its author), for POST targets") PostResponse post,
        @Schema(nullable = true, description = "The account, for ACCOUNT targets") AccountRef account) {
}
