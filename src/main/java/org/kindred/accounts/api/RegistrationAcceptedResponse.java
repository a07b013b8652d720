package org.kindred.accounts.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegistrationAccepted", description = "The registration waits for the link mailed to the address. "
        + "The answer is the same whether or not the address already has an account.")
public record RegistrationAcceptedResponse(
        @Schema(required = true, example = "Check your inbox: we sent a link to confirm your account.", maxLength = 200) String message,
        @Schema(required = true, description = "When the mailed link stops working", example = "2026-12-06T09:30:00Z") Instant linkExpiresAt) {
}
