package org.kindred.moderation.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.moderation.ReportReason;
import org.kindred.moderation.ReportTarget;
import org.kindred.platform.validation.TextPatterns;

@Schema(name = "CreateReportRequest")
public record CreateReportRequest(
        @NotNull @Schema(required = true) ReportTarget targetType,
        @NotNull @Schema(required = true, description = "The post's, account's or group's id") UUID targetId,
        @NotNull @Schema(required = true, description = "WELLBEING_CONCERN reports worry about someone's safety, not a complaint about them") ReportReason reason,
        @Size(max = 2000) @Pattern(regexp = TextPatterns.MULTI_LINE, message = TextPatterns.MESSAGE) @Schema(maxLength = 2000, description = "What happened; seen by moderators, never by the person reported", example = "They posted my workplace and my name.") String details,
        @Schema(description = "For an ACCOUNT report: the group where it happened, so that group's moderators handle it (you must be a member); "
                + "without it, platform admins handle it") UUID groupId) {
}
