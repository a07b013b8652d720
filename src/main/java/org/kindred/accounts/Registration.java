package org.kindred.accounts;

import static org.kindred.accounts.AccountInput.blankToNull;
import static org.kindred.accounts.AccountInput.canonicalLanguages;
import static org.kindred.accounts.AccountInput.duplicate;
import static org.kindred.accounts.AccountInput.normalizeEmail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import org.kindred.accounts.api.RegisterRequest;
import org.kindred.accounts.api.RegistrationResponse;
import org.kindred.accounts.api.TokenResponse;
import org.kindred.platform.db.UniqueViolation;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.Problem;
import org.kindred.platform.security.PasswordHasher;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Joining Kindred: a new account that accepted the current guidelines, signed in at once. The Argon2id hash runs
 * outside the database transaction so a slow hash never holds a pooled connection.
 */
@ApplicationScoped
public class Registration {

    private static final Set<String> RESERVED_HANDLES = Set.of("admin", "administrator", "moderator", "mod", "kindred",
            "support", "staff", "system", "deleted", "deleted_member", "anonymous", "null", "root", "help", "security",
            "official", "team", "me", "moderators", "admins");

    private final AccountRepository accounts;
    private final ConsentRepository consents;
    private final SessionService sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final Guidelines guidelines;
    private final Clock clock;

    public Registration(AccountRepository accounts, ConsentRepository consents, SessionService sessions,
            PasswordHasher hasher, PasswordPolicy passwordPolicy, Guidelines guidelines, Clock clock) {
        this.accounts = accounts;
        this.consents = consents;
        this.sessions = sessions;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.guidelines = guidelines;
        this.clock = clock;
    }

    public RegistrationResponse register(RegisterRequest request) {
        String email = normalizeEmail(request.email());
        if (request.acceptGuidelinesVersion() != guidelines.currentVersion()) {
            throw guidelinesOutdated();
        }
        if (RESERVED_HANDLES.contains(request.handle()) || request.handle().startsWith("deleted_")) {
            throw new BadRequestException("handle", "is reserved; choose another");
        }
        if (request.birthYear() != null) {
            AccountInput.requireOldEnough(request.birthYear(), clock.instant());
        }
        List<String> languages = canonicalLanguages(request.languages());
        passwordPolicy.requireStrong("password", request.password(), email, request.handle(), request.displayName());
        String hash = hasher.hash(request.password());
        try {
            return QuarkusTransaction.requiringNew().call(() -> create(request, email, hash, languages));
        } catch (PersistenceException e) {
            if (!UniqueViolation.isCause(e)) {
                throw e;
            }
            // Two registrations raced past the uniqueness check; the unique index decided.
            throw duplicate(List.of(new Problem.FieldError("email", "or handle is already in use")));
        }
    }

    /** Stores the account and its guidelines consent and opens its first session, in the caller's transaction. */
    private RegistrationResponse create(RegisterRequest request, String email, String hash, List<String> languages) {
        requireUnique(email, request.handle());
        Instant now = clock.instant();
        Account account = Account.register(email, hash, request.handle(), blankToNull(request.displayName()),
                request.country(), languages, request.birthYear(), guidelines.currentVersion(), now);
        accounts.persist(account);
        consents.persist(Consent.accept(account.id(), Consent.COMMUNITY_GUIDELINES, guidelines.currentVersion(), now));
        accounts.flush();
        TokenResponse tokens = sessions.open(account);
        return new RegistrationResponse(AccountMapper.toMe(account), tokens.accessToken(), tokens.refreshToken(),
                tokens.expiresIn(), tokens.tokenType());
    }

    private void requireUnique(String email, String handle) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (accounts.emailTaken(email)) {
            errors.add(new Problem.FieldError("email", "is already registered"));
        }
        if (accounts.handleTaken(handle)) {
            errors.add(new Problem.FieldError("handle", "is already taken"));
        }
        if (!errors.isEmpty()) {
            throw duplicate(errors);
        }
    }

    private ConflictException guidelinesOutdated() {
        return new ConflictException("guidelines-outdated", "Guidelines version is not current",
                "Read and accept the current community guidelines (version " + guidelines.currentVersion() + ")",
                null, Map.of("currentGuidelinesVersion", guidelines.currentVersion()));
    }
}
