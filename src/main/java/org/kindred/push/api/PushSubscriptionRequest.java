package org.kindred.push.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.kindred.platform.validation.TextPatterns;

/**
 * A browser's push subscription, exactly as {@code PushSubscription.toJSON()} gives it (plus an optional label), so
 * an app can send what the browser returned.
 */
@Schema(name = "PushSubscriptionRequest", description = "What `PushSubscription.toJSON()` returns in a browser (after "
        + "`pushManager.subscribe({userVisibleOnly: true, applicationServerKey})` with the key of "
        + "GET /api/v1/push/vapid-public-key), optionally with a label for the device.")
public record PushSubscriptionRequest(
        @NotBlank @Size(max = 2048) @Schema(required = true, maxLength = 2048, format = "uri", description = "The push service's URL for this browser: https, on a known push service", example = "https://fcm.googleapis.com/fcm/send/dpH5lCsTSSM:APA91bHqjZxM0VImWWqDRN7U0a3AycjUf4O-byuxb_wJsKRaKvV_iKw56s16ekq6FUqoCF7k2nICUpd8fHPxVTgqLunFeVeB9lLCQZyohyAztTH8ZQL9WCxKpA6dvTG_TUIhQUFq_n") String endpoint,

        @Schema(nullable = true, minimum = "0", maximum = "9007199254740991", description = "When the browser will drop the subscription (ms since the epoch); kept for compatibility, not used") Long expirationTime,

        @NotNull @Valid @Schema(required = true) Keys keys,

        @Size(max = 64) @Pattern(regexp = TextPatterns.SINGLE_LINE, message = TextPatterns.MESSAGE) @Schema(nullable = true, maxLength = 64, description = "Your name for the device, shown in the list", example = "Firefox on my laptop") String deviceLabel) {

    @Schema(name = "PushSubscriptionKeys", description = "The browser's keys for encrypting pushes to it (RFC 8291)")
    public record Keys(
            @NotBlank @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9_-]+={0,2}$", message = "must be base64url") @Schema(required = true, maxLength = 100, pattern = "^[A-Za-z0-9_-]+={0,2}$", description = "P-256 public key, uncompressed, base64url", example = "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM") String p256dh,

            @NotBlank @Size(max = 30) @Pattern(regexp = "^[A-Za-z0-9_-]+={0,2}$", message = "must be base64url") @Schema(required = true, maxLength = 30, pattern = "^[A-Za-z0-9_-]+={0,2}$", description = "16-byte authentication secret, base64url", example = "tBHItJI5svbpez7KI4CCXg") String auth) {
    }
}
