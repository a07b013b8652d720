package org.kindred.moderation.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.library.api.ResourceResponse;
import org.kindred.moderation.safety.CrisisLevel;
import org.kindred.moderation.safety.PersonalInfoSpan;
import org.kindred.posts.ContentWarning;

@Schema(name = "SafetyCheck", description = "What the safety check found. Shown only to the writer; nothing about it reaches other members")
public record SafetyCheckResponse(
        @Schema(required = true, description = "URGENT: signs of immediate danger (a post is then held for care, visible only to you and the group's moderators). "
                + "CONCERN: signs of distress. NONE: neither") CrisisLevel crisis,
        @Schema(required = true, description = "Where the text seems to contain personal information (offsets in UTF-16 code units, end exclusive), so a client can warn before someone identifies themselves or others") List<PersonalInfoSpan> personalInfo,
        @Schema(required = true, description = "Content warnings the text probably needs", maxItems = 14, uniqueItems = true) List<ContentWarning> suggestedContentWarnings,
        @Schema(required = true, description = "Crisis lines for your country (international ones when your country has none or is not set), 24/7 first; empty when `crisis` is NONE", maxItems = 50) List<ResourceResponse> resources) {
}
