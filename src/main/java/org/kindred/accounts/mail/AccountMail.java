package org.kindred.accounts.mail;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.accounts.mail.OutgoingMail.Kind;

/**
 * The texts of account mails. They name no group, post or person: a mail may be read on a shared device, and being a
 * Kindred member can itself be sensitive, so the subject lines say "your account" and nothing about discrimination.
 */
@ApplicationScoped
public class AccountMail {

    private final MailConfig config;

    public AccountMail(MailConfig config) {
        this.config = config;
    }

    public OutgoingMail confirmRegistration(String to, String token) {
        return new OutgoingMail(Kind.CONFIRM_REGISTRATION, to, "Confirm your new account",
                "Someone (we hope you) asked to create an account with this address.\n\n"
                        + "To confirm it, open:\n" + link("confirm-registration", token) + "\n\n"
                        + "The link works once and expires in " + hours(config.registrationTtl()) + ".\n"
                        + "If this was not you, ignore this mail: no account exists until the link is opened.\n");
    }

    public OutgoingMail registrationAttempt(String to) {
        return new OutgoingMail(Kind.REGISTRATION_ATTEMPT, to, "Someone tried to create an account with your address",
                "Someone asked to create a new account with this address, which already has an account.\n"
                        + "Nothing has changed. If it was you, sign in instead, or reset your password from the sign-in page.\n"
                        + "If it was not you, you can ignore this mail.\n");
    }

    public OutgoingMail verifyEmail(String to, String token) {
        return new OutgoingMail(Kind.VERIFY_EMAIL, to, "Confirm your e-mail address",
                "To confirm this address for your account, open:\n" + link("verify-email", token) + "\n\n"
                        + "The link works once and expires in " + hours(config.verificationTtl()) + ".\n"
                        + "A confirmed address lets you reset your password if you forget it.\n");
    }

    public OutgoingMail resetPassword(String to, String token) {
        return new OutgoingMail(Kind.RESET_PASSWORD, to, "Reset your password",
                "Someone (we hope you) asked to reset the password of your account.\n\n"
                        + "To choose a new password, open:\n" + link("reset-password", token) + "\n\n"
                        + "The link works once and expires in " + minutes(config.passwordResetTtl()) + ". "
                        + "Resetting signs out every device.\n"
                        + "If this was not you, ignore this mail: your password stays as it is.\n");
    }

    public OutgoingMail passwordResetNotice(String to) {
        return new OutgoingMail(Kind.PASSWORD_RESET_NOTICE, to, "Your password was changed",
                "The password of your account was just reset and every device was signed out.\n"
                        + "If this was not you, reset it again from the sign-in page at once.\n");
    }

    public OutgoingMail recoveryCodeUsedNotice(String to) {
        return new OutgoingMail(Kind.RECOVERY_CODE_USED, to, "A recovery code was used on your account",
                "One of the recovery codes of your account was just used to set a new password, and every device was signed out.\n"
                        + "If this was you, nothing else is needed; consider making a new set of codes once you are signed in.\n"
                        + "If this was not you, someone has your codes: reset your password from the sign-in page at once.\n");
    }

    public OutgoingMail confirmEmailChange(String to, String token) {
        return new OutgoingMail(Kind.CONFIRM_EMAIL_CHANGE, to, "Confirm your new e-mail address",
                "Someone (we hope you) asked to use this address for their account.\n\n"
                        + "To confirm, open:\n" + link("confirm-email-change", token) + "\n\n"
                        + "The link works once and expires in " + hours(config.emailChangeTtl()) + ".\n"
                        + "If this was not you, ignore this mail.\n");
    }

    public OutgoingMail emailChangeAttempt(String to) {
        return new OutgoingMail(Kind.EMAIL_CHANGE_ATTEMPT, to, "Someone tried to use your address",
                "Someone asked to move another account to this address, which already has an account.\n"
                        + "Nothing has changed, and they were not told that this address has an account.\n");
    }

    public OutgoingMail emailChangedNotice(String to, String undoToken) {
        return new OutgoingMail(Kind.EMAIL_CHANGED_NOTICE, to, "The e-mail address of your account was changed",
                "The sign-in address of your account was changed from this address to another one.\n\n"
                        + "If this was not you, undo it (this also signs out every device):\n"
                        + link("undo-email-change", undoToken) + "\n\n"
                        + "This link works for " + days(config.undoTtl()) + ". Then reset your password.\n");
    }

    private String link(String action, String token) {
        String base = config.linkBaseUrl();
        return (base.endsWith("/") ? base : base + "/") + action + "?token=" + token;
    }

    private static String minutes(Duration d) {
        return d.toMinutes() + " minutes";
    }

    private static String hours(Duration d) {
        return d.toHours() + " hours";
    }

    private static String days(Duration d) {
        return d.toDays() + " days";
    }
}
