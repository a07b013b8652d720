package org.kindred.notifications.api;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ThreadSubscriptionRequest", example = "{\"mode\": \"MUTE\"}")
public record ThreadSubscriptionRequest(
        @Schema(required = true, description = "`FOLLOW`: be told of every reply; `MUTE`: never, even in your own thread") @NotNull Mode mode) {

    public enum Mode {
        FOLLOW, MUTE
    }
}
