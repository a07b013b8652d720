package org.kindred.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.kindred.accounts.api.EmailLinkSentResponse;
import org.kindred.accounts.mail.AccountMail;
import org.kindred.accounts.mail.MailConfig;
import org.kindred.accounts.mail.OutgoingMail;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.Problem;
import org.kindred.platform.error.UnauthorizedException;
import org.kindred.platform.ratelimit.ActionClass;
import org.kindred.platform.ratelimit.RequestLimits;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A member's sign-in address: proving it reachable, and moving the account to a new one. A change takes effect only
 * from a link mailed to the new address; the old address is then told, with a link that undoes the change and signs
 * out every device (the way back for a member whose session was stolen); a member who joined without an address adds
 * a first one the same way, with no notice and no undo. Asking for an address that already has an
 * account answers like any other (its owner gets a notice), so the change request reveals nothing.
 */
@ApplicationScoped
public class EmailAddresses {

    private final AccountRepository accounts;
    private final AccountLinks links;
    private final SessionService sessions;
    private final AccountMail mail;
    private final MailConfig config;
    private final Event<OutgoingMail> outgoing;
    private final RequestLimits requestLimits;
    private final Clock clock;

    public EmailAddresses(AccountRepository accounts, AccountLinks links, SessionService sessions, AccountMail mail,
            MailConfig config, Event<OutgoingMail> outgoing, RequestLimits requestLimits, Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.sessions = sessions;
        this.mail = mail;
        this.config = config;
        this.outgoing = outgoing;
        this.requestLimits = requestLimits;
        this.clock = clock;
    }

    /** Mails a verification link to the account's address; 409 if it is verified already. */
    public EmailLinkSentResponse requestVerification(UUID accountId) {
        requestLimits.consumeFor(ActionClass.REGISTER, "verify:" + accountId);
        return QuarkusTransaction.requiringNew().call(() -> {
            Account account = active(accountId);
            if (!account.hasEmail()) {
                throw new ConflictException("no-email", "No e-mail address",
                        "Your account has no e-mail address to verify. Add one with PATCH /api/v1/me: "
                                + "it is verified by the link mailed to it.",
                        null, null);
            }
            if (account.emailVerified()) {
                throw new ConflictException("email-already-verified", "E-mail already verified",
                        "Your address is verified already.", null, null);
            }
            AccountLinks.Issued link = links.issue(accountId, AccountLink.Purpose.VERIFY_EMAIL, account.email(),
                    config.verificationTtl());
            outgoing.fire(mail.verifyEmail(account.email(), link.token()));
            return new EmailLinkSentResponse("Check your inbox: we sent a link to confirm your address.",
                    link.expiresAt());
        });
    }

    public void confirmVerification(String token) {
        QuarkusTransaction.requiringNew().run(() -> {
            AccountLink link = links.redeem(token, AccountLink.Purpose.VERIFY_EMAIL);
            Account account = active(link.accountId());
            if (!link.email().equals(account.email())) {
                throw AccountLinks.invalidLink(); // the address changed since the link was sent
            }
            account.verifyEmail(clock.instant());
        });
    }

    /**
     * Starts a change to {@code newEmail} (already normalised), in the caller's transaction: mails a confirmation link
     * to the new address, or its owner a notice if it has an account. Asking for the current address withdraws a
     * change waiting for confirmation.
     */
    void requestChange(Account account, String newEmail) {
        account.emailChangeRequested(clock.instant());
        if (newEmail.equals(account.email())) {
            links.withdrawAll(account.id(), AccountLink.Purpose.CHANGE_EMAIL);
            return;
        }
        AccountLinks.Issued link = links.issue(account.id(), AccountLink.Purpose.CHANGE_EMAIL, newEmail,
                config.emailChangeTtl());
        outgoing.fire(accounts.emailTaken(newEmail)
                ? mail.emailChangeAttempt(newEmail)
                : mail.confirmEmailChange(newEmail, link.token()));
    }

    /** The address of a change waiting for confirmation, or null. */
    String pendingChange(UUID accountId) {
        return links.pending(accountId, AccountLink.Purpose.CHANGE_EMAIL).map(AccountLink::email).orElse(null);
    }

    public void confirmChange(String token) {
        QuarkusTransaction.requiringNew().run(() -> {
            AccountLink link = links.redeem(token, AccountLink.Purpose.CHANGE_EMAIL);
            Account account = active(link.accountId());
            // Only the new mailbox's holder gets here, so naming its account reveals nothing new.
            requireFree(link.email());
            String old = account.email();
            account.changeEmail(link.email(), clock.instant());
            links.withdrawAll(account.id(), AccountLink.Purpose.VERIFY_EMAIL);
            links.withdrawAll(account.id(), AccountLink.Purpose.RESET_PASSWORD);
            // A member who joined without an address adds a first one: there is no old address to tell or to go back to.
            if (old != null) {
                AccountLinks.Issued undo = links.issue(account.id(), AccountLink.Purpose.UNDO_EMAIL_CHANGE, old,
                        config.undoTtl());
                outgoing.fire(mail.emailChangedNotice(old, undo.token()));
            }
        });
    }

    /** Moves the account back to the address the undo link was sent to, and signs out every device. */
    public void undoChange(String token) {
        QuarkusTransaction.requiringNew().run(() -> {
            AccountLink link = links.redeem(token, AccountLink.Purpose.UNDO_EMAIL_CHANGE);
            Account account = accounts.findByIdOptional(link.accountId())
                    .filter(a -> a.status() != AccountStatus.DELETED).orElseThrow(AccountLinks::invalidLink);
            if (!link.email().equals(account.email())) {
                requireFree(link.email());
            }
            Instant now = clock.instant();
            account.changeEmail(link.email(), now);
            links.withdrawAll(account.id(), AccountLink.Purpose.CHANGE_EMAIL);
            links.withdrawAll(account.id(), AccountLink.Purpose.RESET_PASSWORD);
            sessions.revokeAll(account.id(), null, AuthSession.RevokeReason.EMAIL_CHANGE_UNDONE);
        });
    }

    private void requireFree(String email) {
        if (accounts.emailTaken(email)) {
            throw AccountInput.duplicate(List.of(new Problem.FieldError("email", "already has an account")));
        }
    }

    private Account active(UUID accountId) {
        return accounts.findByIdOptional(accountId).filter(a -> a.status() == AccountStatus.ACTIVE)
                .orElseThrow(() -> new UnauthorizedException("invalid-token", "This account is no longer active"));
    }
}
