package org.kindred.moderation.api;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.moderation.ReportAction;

@Schema(name = "ResolveReportRequest", description = "Closes every open report of the same target, and applies the action in the same transaction. "
        + "DISMISSED means nothing was wrong: a post hidden by reports, held for care or waiting for approval is published again.")
public record ResolveReportRequest(
        @NotNull @Schema(required = true, enumeration = {
                "RESOLVED", "DISMISSED"}) Resolution status,
        @Schema(description = "With RESOLVED (default NONE). RESTORE_POST releases a held or hidden post; SUSPEND_ACCOUNT is for platform admins") ReportAction action,
        @Size(max = 500) @Schema(maxLength = 500, description = "Shown to the member for WARN and BAN_MEMBER, and in the moderation log", example = "Please don't share other people's workplaces") String reason,
        @Size(max = 1000) @Schema(maxLength = 1000, description = "For moderators only") String note,
        @Schema(description = "With BAN_MEMBER: end of the ban (in the future); omit for a ban without end") Instant bannedUntil){

    public enum Resolution {
        RESOLVED, DISMISSED
    }
}
