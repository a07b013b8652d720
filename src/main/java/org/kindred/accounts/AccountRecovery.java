package org.kindred.accounts;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.kindred.accounts.api.EmailLinkSentResponse;
import org.kindred.accounts.api.PasswordResetConfirmation;
import org.kindred.accounts.mail.AccountMail;
import org.kindred.accounts.mail.MailConfig;
import org.kindred.accounts.mail.OutgoingMail;
import org.kindred.platform.ratelimit.ActionClass;
import org.kindred.platform.ratelimit.RequestLimits;
import org.kindred.platform.security.PasswordHasher;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Getting back into an account whose password is lost: a single-use link mailed to the verified address, valid for
 * {@code kindred.mail.password-reset-ttl}. Asking answers 202 whether or not the address has an account, and is
 * throttled like a sign-up (REGISTER class) per IP and per address; the address's bucket is the one registration and
 * e-mail changes use, so all the mail strangers can make Kindred send to one address shares one allowance. Resetting
 * signs out every session.
 */
@ApplicationScoped
public class AccountRecovery {

    private static final Logger LOG = Logger.getLogger(AccountRecovery.class);

    static final String RESET_MESSAGE = "If this address belongs to an account with a verified address, we sent it a link to reset the password.";

    private final AccountRepository accounts;
    private final AccountLinks links;
    private final SessionService sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final AccountMail mail;
    private final MailConfig config;
    private final Event<OutgoingMail> outgoing;
    private final RequestLimits requestLimits;
    private final ManagedExecutor executor;
    private final Clock clock;

    public AccountRecovery(AccountRepository accounts, AccountLinks links, SessionService sessions,
            PasswordHasher hasher, PasswordPolicy passwordPolicy, AccountMail mail, MailConfig config,
            Event<OutgoingMail> outgoing, RequestLimits requestLimits, ManagedExecutor executor, Clock clock) {
        this.executor = executor;
        this.accounts = accounts;
        this.links = links;
        this.sessions = sessions;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.mail = mail;
        this.config = config;
        this.outgoing = outgoing;
        this.requestLimits = requestLimits;
        this.clock = clock;
    }

    public EmailLinkSentResponse requestPasswordReset(String rawEmail) {
        String email = AccountInput.normalizeEmail(rawEmail);
        requestLimits.consumeFor(ActionClass.REGISTER, "email:" + email);
        Instant expiresAt = clock.instant().plus(config.passwordResetTtl());
        // After the answer: how long the lookup and the link take must not tell whether the address has an account.
        executor.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> issueResetLink(email)))
                .exceptionally(failure -> {
                    LOG.warnf("Could not issue a password-reset link: %s", failure.getClass().getSimpleName());
                    return null;
                });
        return new EmailLinkSentResponse(RESET_MESSAGE, expiresAt);
    }

    private void issueResetLink(String email) {
        accounts.findByEmail(email).filter(a -> a.status() == AccountStatus.ACTIVE && a.emailVerified())
                .ifPresent(account -> {
                    AccountLinks.Issued link = links.issue(account.id(), AccountLink.Purpose.RESET_PASSWORD,
                            account.email(), config.passwordResetTtl());
                    outgoing.fire(mail.resetPassword(account.email(), link.token()));
                });
    }

    /** Sets the new password from a reset link and signs out every session; the member then signs in. */
    public void confirmPasswordReset(PasswordResetConfirmation request) {
        // Read without using the link up: a password the policy refuses must leave the link working.
        Account snapshot = QuarkusTransaction.requiringNew().call(() -> links
                .peek(request.token(), AccountLink.Purpose.RESET_PASSWORD)
                .flatMap(link -> accounts.findByIdOptional(link.accountId()))
                .filter(a -> a.status() == AccountStatus.ACTIVE).orElseThrow(AccountLinks::invalidLink));
        passwordPolicy.requireStrong("newPassword", request.newPassword(), snapshot.email(), snapshot.handle(),
                snapshot.displayName());
        String hash = hasher.hash(request.newPassword());
        QuarkusTransaction.requiringNew().run(() -> {
            AccountLink link = links.redeem(request.token(), AccountLink.Purpose.RESET_PASSWORD);
            Account account = accounts.findByIdOptional(link.accountId())
                    .filter(a -> a.status() == AccountStatus.ACTIVE).orElseThrow(AccountLinks::invalidLink);
            account.changePassword(hash, clock.instant());
            sessions.revokeAll(account.id(), null, AuthSession.RevokeReason.PASSWORD_RESET);
            outgoing.fire(mail.passwordResetNotice(account.email()));
        });
    }
}
