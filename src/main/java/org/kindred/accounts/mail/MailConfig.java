package org.kindred.accounts.mail;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where account links point and how long they live (README "Configuration", {@code KINDRED_MAIL_*}). */
@ConfigMapping(prefix = "kindred.mail")
public interface MailConfig {

    /**
     * The page of the member's app that handles account links; a link is {@code <base>/<action>?token=<token>}, with
     * action one of {@code confirm-registration}, {@code verify-email}, {@code reset-password}, {@code confirm-email-change},
     * {@code undo-email-change}. The app posts the token to the matching {@code /api/v1/auth/...} operation.
     */
    @WithDefault("http://localhost:3000/account")
    String linkBaseUrl();

    /** The sender address of every mail. */
    @WithDefault("Kindred <no-reply@kindred.invalid>")
    String from();

    /** How long one attempt to hand a mail to the SMTP server may take before it is abandoned and retried. */
    @WithDefault("PT30S")
    Duration sendTimeout();

    @WithDefault("PT24H")
    Duration registrationTtl();

    @WithDefault("PT24H")
    Duration verificationTtl();

    @WithDefault("PT30M")
    Duration passwordResetTtl();

    @WithDefault("PT24H")
    Duration emailChangeTtl();

    /** How long the old address can undo an e-mail change. */
    @WithDefault("P7D")
    Duration undoTtl();
}
