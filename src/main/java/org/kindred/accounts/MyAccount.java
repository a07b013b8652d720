package org.kindred.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.accounts.api.ChangePasswordRequest;
import org.kindred.accounts.api.MeResponse;
import org.kindred.accounts.api.UpdateMeRequest;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.UnauthorizedException;
import org.kindred.platform.ratelimit.ActionClass;
import org.kindred.platform.ratelimit.RequestLimits;
import org.kindred.platform.security.PasswordHasher;
import org.kindred.platform.web.ETags;
import org.kindred.platform.web.Versioned;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The member's own account: reading it, changing profile and preferences, and changing the password. Argon2id hashing
 * runs outside database transactions so a slow hash never holds a pooled connection.
 */
@ApplicationScoped
public class MyAccount {

    private final AccountRepository accounts;
    private final SessionService sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final RequestLimits requestLimits;
    private final EmailAddresses emailAddresses;
    private final Guidelines guidelines;
    private final ConsentRepository consents;
    private final Clock clock;

    public MyAccount(AccountRepository accounts, SessionService sessions, PasswordHasher hasher,
            PasswordPolicy passwordPolicy, RequestLimits requestLimits, EmailAddresses emailAddresses,
            Guidelines guidelines, ConsentRepository consents, Clock clock) {
        this.accounts = accounts;
        this.guidelines = guidelines;
        this.consents = consents;
        this.emailAddresses = emailAddresses;
        this.sessions = sessions;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.requestLimits = requestLimits;
        this.clock = clock;
    }

    @Transactional
    public Versioned<MeResponse> me(UUID accountId) {
        Account account = active(accountId);
        return Versioned.of(
                AccountMapper.toMe(account, emailAddresses.pendingChange(accountId), guidelines.currentVersion()),
                account.version());
    }

    /**
     * A JSON Merge Patch of the profile. A new e-mail needs the current password, checked before the transaction, and
     * takes effect only from the link mailed to it ({@link EmailAddresses#requestChange}); until then it is
     * {@code pendingEmail}.
     */
    public Versioned<MeResponse> updateMe(UUID accountId, UpdateMeRequest request, String ifMatch) {
        Optional<String> newEmail = request.email() == null
                ? Optional.empty()
                : request.email().map(AccountInput::normalizeEmail);
        if (request.email() != null && request.email().isEmpty()) {
            throw new BadRequestException("email", "cannot be removed");
        }
        if (newEmail.isPresent()) {
            requireCurrentPassword(accountId, request);
            countMailTo(newEmail.get());
        }
        rejectNullFor("languages", request.languages());
        rejectNullFor("hiddenContentWarnings", request.hiddenContentWarnings());
        rejectNullFor("contentWarningMode", request.contentWarningMode());
        return QuarkusTransaction.requiringNew().call(() -> {
            Account account = active(accountId);
            ETags.requireMatch(ifMatch, account.version());
            Instant now = clock.instant();
            newEmail.ifPresent(email -> emailAddresses.requestChange(account, email));
            applyProfile(account, request, now);
            accounts.flush();
            return Versioned.of(
                    AccountMapper.toMe(account, emailAddresses.pendingChange(accountId), guidelines.currentVersion()),
                    account.version());
        });
    }

    /**
     * Accepts the current community guidelines (409 {@code guidelines-outdated} for any other version). The consent is
     * recorded (and exported); accepting the version already accepted changes nothing.
     */
    @Transactional
    public Versioned<MeResponse> acceptGuidelines(UUID accountId, int version) {
        Account account = active(accountId);
        if (version != guidelines.currentVersion()) {
            throw guidelines
                    .outdated("Accept the current community guidelines, version " + guidelines.currentVersion());
        }
        if (account.guidelinesVersion() < version) {
            Instant now = clock.instant();
            account.acceptGuidelines(version, now);
            consents.persist(Consent.accept(accountId, Consent.COMMUNITY_GUIDELINES, version, now));
            accounts.flush();
        }
        return Versioned.of(AccountMapper.toMe(account, emailAddresses.pendingChange(accountId), version),
                account.version());
    }

    /** Changes the password and signs out every other session; the caller's session stays. */
    public void changePassword(UUID accountId, UUID currentSession, ChangePasswordRequest request) {
        Account snapshot = QuarkusTransaction.requiringNew().call(() -> active(accountId));
        if (!hasher.verify(snapshot.passwordHash(), request.currentPassword())) {
            throw wrongPassword();
        }
        passwordPolicy.requireStrong("newPassword", request.newPassword(), snapshot.email(), snapshot.handle(),
                snapshot.displayName());
        String hash = hasher.hash(request.newPassword());
        QuarkusTransaction.requiringNew().run(() -> {
            Account account = active(accountId);
            account.changePassword(hash, clock.instant());
            sessions.revokeAll(accountId, currentSession, AuthSession.RevokeReason.PASSWORD_CHANGED);
        });
    }

    private void requireCurrentPassword(UUID accountId, UpdateMeRequest request) {
        String password = request.currentPassword() == null ? null : request.currentPassword().orElse(null);
        if (password == null) {
            throw new BadRequestException("currentPassword", "is required to change the e-mail");
        }
        // A password guess like any other: PATCH /me is a WRITE, so this check counts against PASSWORD itself.
        requestLimits.consume(ActionClass.PASSWORD);
        String hash = QuarkusTransaction.requiringNew().call(() -> active(accountId).passwordHash());
        if (!hasher.verify(hash, password)) {
            throw wrongPassword();
        }
    }

    /** The new address gets a mail (a link, or a notice): counted per address like every mail asked for by others. */
    private void countMailTo(String email) {
        requestLimits.consumeFor(ActionClass.REGISTER, "email:" + email);
    }

    /** The patch's fields besides the e-mail, in the order they are checked; absent fields stay as they are. */
    private static void applyProfile(Account account, UpdateMeRequest request, Instant now) {
        if (request.displayName() != null) {
            account.changeDisplayName(AccountInput.blankToNull(request.displayName().orElse(null)), now);
        }
        if (request.country() != null) {
            account.changeCountry(request.country().orElse(null), now);
        }
        if (request.languages() != null) {
            account.changeLanguages(AccountInput.canonicalLanguages(request.languages().get()), now);
        }
        if (request.birthYear() != null) {
            Integer year = request.birthYear().orElse(null);
            if (year != null) {
                AccountInput.requireOldEnough(year, now);
            }
            account.changeBirthYear(year, now);
        }
        if (request.hiddenContentWarnings() != null) {
            List<ContentWarning> warnings = request.hiddenContentWarnings().get();
            account.hideContentWarnings(warnings.isEmpty() ? List.of() : EnumSet.copyOf(warnings), now);
        }
        if (request.contentWarningMode() != null) {
            account.changeContentWarningMode(request.contentWarningMode().get(), now);
        }
    }

    private Account active(UUID accountId) {
        return accounts.findByIdOptional(accountId).filter(a -> a.status() == AccountStatus.ACTIVE)
                .orElseThrow(() -> new UnauthorizedException("invalid-token", "This account is no longer active"));
    }

    private static ForbiddenException wrongPassword() {
        return new ForbiddenException("wrong-password", "Wrong password", "The current password is wrong");
    }

    private static void rejectNullFor(String field, Optional<?> value) {
        if (value != null && value.isEmpty()) {
            throw new BadRequestException(field, "cannot be null; send [] to clear it");
        }
    }
}
