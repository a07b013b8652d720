package org.kindred.accounts;

import static org.kindred.accounts.AccountInput.blankToNull;
import static org.kindred.accounts.AccountInput.canonicalLanguages;
import static org.kindred.accounts.AccountInput.duplicate;
import static org.kindred.accounts.AccountInput.normalizeEmail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;

import org.kindred.accounts.api.RecoveryCodesResponse;
import org.kindred.accounts.api.RegisterRequest;
import org.kindred.accounts.api.RegisterWithoutEmailRequest;
import org.kindred.accounts.api.RegistrationAcceptedResponse;
import org.kindred.accounts.api.RegistrationResponse;
import org.kindred.accounts.api.RegistrationWithoutEmailResponse;
import org.kindred.accounts.api.TokenResponse;
import org.kindred.accounts.mail.AccountMail;
import org.kindred.accounts.mail.MailConfig;
import org.kindred.accounts.mail.OutgoingMail;
import org.kindred.platform.db.UniqueViolation;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.Problem;
import org.kindred.platform.ratelimit.ActionClass;
import org.kindred.platform.ratelimit.RequestLimits;
import org.kindred.platform.security.PasswordHasher;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Joining Kindred in two steps: the request is kept as pending and a link is mailed to its address; following the
 * link creates the account, with a verified address and the guidelines accepted, and signs it in. Or, for a member
 * who gives no address, in one step with recovery codes instead ({@link #registerWithoutEmail}). The Argon2id hash
 * runs outside the database transaction so a slow hash never holds a pooled connection.
 */
@ApplicationScoped
public class Registration {

    private static final Set<String> RESERVED_HANDLES = Set.of("admin", "administrator", "moderator", "mod", "kindred",
            "support", "staff", "system", "deleted", "deleted_member", "anonymous", "null", "root", "help", "security",
            "official", "team", "me", "moderators", "admins");
    static final String CONFIRM_PREFIX = "krg_";
    static final String ACCEPTED_MESSAGE = "Check your inbox: we sent a link to confirm your account.";

    private final AccountRepository accounts;
    private final ConsentRepository consents;
    private final PendingRegistrations pending;
    private final SessionService sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final Guidelines guidelines;
    private final AccountMail mail;
    private final MailConfig mailConfig;
    private final Event<OutgoingMail> outgoing;
    private final RequestLimits requestLimits;
    private final RecoveryCodes recoveryCodes;
    private final Clock clock;

    public Registration(AccountRepository accounts, ConsentRepository consents, PendingRegistrations pending,
            SessionService sessions, PasswordHasher hasher, PasswordPolicy passwordPolicy, Guidelines guidelines,
            AccountMail mail, MailConfig mailConfig, Event<OutgoingMail> outgoing, RequestLimits requestLimits,
            RecoveryCodes recoveryCodes, Clock clock) {
        this.recoveryCodes = recoveryCodes;
        this.accounts = accounts;
        this.consents = consents;
        this.pending = pending;
        this.sessions = sessions;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.guidelines = guidelines;
        this.mail = mail;
        this.mailConfig = mailConfig;
        this.outgoing = outgoing;
        this.requestLimits = requestLimits;
        this.clock = clock;
    }

    /**
     * Step one: checks the request, stores it as pending and mails a link to the address. If the address already has
     * an account, its owner gets a notice instead, and the caller cannot tell: the same checks, the same hash, the same
     * insert and the same answer run either way, and the mail goes out after the response.
     */
    public RegistrationAcceptedResponse register(RegisterRequest request) {
        String email = normalizeEmail(request.email());
        List<String> languages = checkNewMember(request.acceptGuidelinesVersion(), request.handle(),
                request.birthYear(), request.languages());
        passwordPolicy.requireStrong("password", request.password(), email, request.handle(), request.displayName());
        // Per address as well as per IP: nobody can fill someone's inbox from many IP addresses. The bucket is the one
        // password-reset requests and e-mail changes take for the address too.
        requestLimits.consumeFor(ActionClass.REGISTER, "email:" + email);
        String hash = hasher.hash(request.password());
        String token = SecretTokens.generate(CONFIRM_PREFIX);
        return QuarkusTransaction.requiringNew().call(() -> {
            // Handles are public, so saying one is taken reveals nothing an anonymous visitor could not see.
            if (accounts.handleTaken(request.handle())) {
                throw duplicate(List.of(new Problem.FieldError("handle", "is already taken")));
            }
            Instant now = clock.instant();
            Instant expiresAt = now.plus(mailConfig.registrationTtl());
            boolean taken = accounts.emailTaken(email);
            pending.persist(PendingRegistration.of(SessionService.hash(token), email, hash, request.handle(),
                    blankToNull(request.displayName()), request.country(), languages, request.birthYear(),
                    guidelines.currentVersion(), now, expiresAt));
            outgoing.fire(taken ? mail.registrationAttempt(email) : mail.confirmRegistration(email, token));
            return new RegistrationAcceptedResponse(ACCEPTED_MESSAGE, expiresAt);
        });
    }

    /**
     * Step two: the link was followed, so the address is reachable by whoever registered. Creates the account with a
     * verified address and its guidelines consent, and signs it in.
     */
    public RegistrationResponse confirm(String token) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.instant();
                PendingRegistration registration = pending.redeem(token)
                        .filter(p -> !p.expiredAt(now)).orElseThrow(AccountLinks::invalidLink);
                if (registration.guidelinesVersion() != guidelines.currentVersion()) {
                    throw guidelinesOutdated();
                }
                // Only the mailbox's holder gets here, so naming the address's account reveals nothing new.
                if (accounts.emailTaken(registration.email())) {
                    throw duplicate(List.of(new Problem.FieldError("email",
                            "already has an account: sign in, or reset the password")));
                }
                if (accounts.handleTaken(registration.handle())) {
                    throw duplicate(List.of(new Problem.FieldError("handle",
                            "was taken while the link waited; register again with another handle")));
                }
                pending.withdrawFor(registration.email());
                Account account = registration.toAccount(now);
                accounts.persist(account);
                consents.persist(
                        Consent.accept(account.id(), Consent.COMMUNITY_GUIDELINES, account.guidelinesVersion(), now));
                accounts.flush();
                TokenResponse tokens = sessions.open(account, null);
                return new RegistrationResponse(AccountMapper.toMe(account, null, guidelines.currentVersion()),
                        tokens.accessToken(),
                        tokens.refreshToken(), tokens.expiresIn(), tokens.tokenType());
            });
        } catch (PersistenceException e) {
            if (!UniqueViolation.isCause(e)) {
                throw e;
            }
            // Two confirmations raced past the uniqueness checks; the unique index decided.
            throw duplicate(List.of(new Problem.FieldError("handle", "or e-mail already has an account")));
        }
    }

    /**
     * Joining without an e-mail address: no link to wait for, so the account is created at once, with the guidelines
     * consent, a set of recovery codes (its only way back after a forgotten password; answered this once) and a
     * session. The same checks as {@link #register} apply; a taken handle is a 409, as there.
     */
    public RegistrationWithoutEmailResponse registerWithoutEmail(RegisterWithoutEmailRequest request) {
        List<String> languages = checkNewMember(request.acceptGuidelinesVersion(), request.handle(),
                request.birthYear(), request.languages());
        passwordPolicy.requireStrong("password", request.password(), request.handle(), request.displayName());
        String hash = hasher.hash(request.password());
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (accounts.handleTaken(request.handle())) {
                    throw duplicate(List.of(new Problem.FieldError("handle", "is already taken")));
                }
                Instant now = clock.instant();
                Account account = Account.register(null, hash, request.handle(), blankToNull(request.displayName()),
                        request.country(), languages, request.birthYear(), guidelines.currentVersion(), now);
                accounts.persist(account);
                consents.persist(
                        Consent.accept(account.id(), Consent.COMMUNITY_GUIDELINES, account.guidelinesVersion(), now));
                accounts.flush();
                List<String> codes = recoveryCodes.replaceSet(account.id(), now);
                TokenResponse tokens = sessions.open(account, null);
                return new RegistrationWithoutEmailResponse(
                        AccountMapper.toMe(account, null, guidelines.currentVersion()), tokens.accessToken(),
                        tokens.refreshToken(), tokens.expiresIn(), tokens.tokenType(),
                        new RecoveryCodesResponse(codes, now));
            });
        } catch (PersistenceException e) {
            if (!UniqueViolation.isCause(e)) {
                throw e;
            }
            // Two registrations raced past the handle check; the unique index decided.
            throw duplicate(List.of(new Problem.FieldError("handle", "is already taken")));
        }
    }

    /** The checks every way of joining makes, in this order; answers the languages as stored. */
    private List<String> checkNewMember(int acceptedGuidelines, String handle, Integer birthYear,
            List<String> languages) {
        if (acceptedGuidelines != guidelines.currentVersion()) {
            throw guidelinesOutdated();
        }
        if (RESERVED_HANDLES.contains(handle) || handle.startsWith("deleted_")) {
            throw new BadRequestException("handle", "is reserved; choose another");
        }
        if (birthYear != null) {
            AccountInput.requireOldEnough(birthYear, clock.instant());
        }
        return canonicalLanguages(languages);
    }

    private ConflictException guidelinesOutdated() {
        return new ConflictException("guidelines-outdated", "Guidelines version is not current",
                "Read and accept the current community guidelines (version " + guidelines.currentVersion() + ")",
                null, Map.of("currentGuidelinesVersion", guidelines.currentVersion()));
    }
}
