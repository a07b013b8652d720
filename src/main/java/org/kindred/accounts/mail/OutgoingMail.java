package org.kindred.accounts.mail;

/**
 * A mail to send once the transaction that decided it commits. {@link #kind} names the template for logs and metrics;
 * the address and text never reach a log ({@link #toString} leaves them out).
 */
public record OutgoingMail(Kind kind, String to, String subject, String text) {

    public enum Kind {
        CONFIRM_REGISTRATION, REGISTRATION_ATTEMPT, VERIFY_EMAIL, RESET_PASSWORD, CONFIRM_EMAIL_CHANGE, EMAIL_CHANGE_ATTEMPT, EMAIL_CHANGED_NOTICE, PASSWORD_RESET_NOTICE, RECOVERY_CODE_USED
    }

    @Override
    public String toString() {
        return "OutgoingMail[" + kind + "]";
    }
}
