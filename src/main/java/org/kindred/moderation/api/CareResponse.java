package org.kindred.moderation.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.library.api.CrisisLinesResponse;

@Schema(name = "Care", description = "Private care notes for you, and the crisis lines of your profile's country. A note "
        + "means a member told the moderators they are worried about you; it never says who, about which post, or how "
        + "many (at most one note a day).")
public record CareResponse(
        @Schema(required = true, description = "Your care notes, newest first (at most 20); `[]` when there are none", maxItems = 20) List<Note> notes,
        @Schema(required = true, description = "Crisis lines and helplines for your profile's country (international ones when it has none or you set no country)") CrisisLinesResponse crisisLines) {

    @Schema(name = "CareNote", description = "Someone in your community is thinking of you")
    public record Note(
            @Schema(required = true) UUID id,
            @Schema(required = true, maxLength = 500, example = "Someone in your community is thinking of you. If things feel heavy right now, you do not have to face them alone: the lines below are there for you, and talking to someone you trust can help too.") String message,
            @Schema(required = true) Instant createdAt) {
    }
}
