package org.kindred.moderation.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.groups.api.AccountRef;
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
        @Schema(required = true, description = "0: care (posts held for care first, then members' wellbeing concerns and posts where the safety check found signs of distress); 1: waiting for approval; 2: reported; 3: closed", minimum = "0", maximum = "3") int priority,
        @Schema(required = true, description = "Distinct members who reported it", minimum = "0", maximum = "2147483647") int reportCount,
        @Schema(required = true, maxItems = 7, uniqueItems = true) List<ReportReason> reasons,
        @Schema(required = true, description = "MEMBER reports, and the service's own (SAFETY_CHECK, KEYWORD_RULE)", maxItems = 3, uniqueItems = true) List<ReportSource> sources,
        @Schema(required = true, description = "The reporters' details, oldest first, without their names", type = SchemaType.ARRAY, implementation = QueueItemResponse.Details.class) List<String> details,
        @Schema(required = true) Instant firstReportedAt,
        @Schema(required = true) Instant lastReportedAt,
        @Schema(required = true) ReportStatus status,
        @Schema(nullable = true) ReportAction resolution,
        @Schema(nullable = true) Instant resolvedAt,
        @Schema(nullable = true, description = "The post as moderators see it (with its author), for POST targets") PostResponse post,
        @Schema(nullable = true, description = "The account, for ACCOUNT targets") AccountRef account) {

    /** For the OpenAPI document: one reporter's details ({@code reports.details}). */
    @Schema(name = "ReportDetails", type = SchemaType.STRING, maxLength = 2000)
    public static final class Details {
        private Details() {
        }
    }
}
