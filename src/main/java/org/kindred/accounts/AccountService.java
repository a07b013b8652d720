package org.kindred.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.kindred.accounts.api.AdminAccountResponse;
import org.kindred.accounts.api.AdminUpdateAccountRequest;
import org.kindred.accounts.api.ChangePasswordRequest;
import org.kindred.accounts.api.LoginRequest;
import org.kindred.accounts.api.MeResponse;
import org.kindred.accounts.api.PlatformRole;
import org.kindred.accounts.api.PublicProfileResponse;
import org.kindred.accounts.api.RegisterRequest;
import org.kindred.accounts.api.RegistrationResponse;
import org.kindred.accounts.api.TokenResponse;
import org.kindred.accounts.api.UpdateMeRequest;
import org.kindred.platform.db.UniqueViolation;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.error.Problem;
import org.kindred.platform.error.UnauthorizedException;
import org.kindred.platform.security.AuthConfig;
import org.kindred.platform.security.CurrentUser;
import org.kindred.platform.security.PasswordHasher;
import org.kindred.platform.validation.LanguageTagValidator;
import org.kindred.platform.web.ETags;
import org.kindred.platform.web.Versioned;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Registration, sign-in, profile and password changes. Argon2id hashing runs outside database transactions so a
 * slow hash never holds a pooled connection.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    static final int MINIMUM_AGE = 16;
    /** The display name shown for the posts of an erased account (its handle is a {@code deleted_...} tombstone). */
    public static final String DELETED_MEMBER = "Deleted member";
    private static final Set<String> RESERVED_HANDLES = Set.of("admin", "administrator", "moderator", "mod", "kindred",
            "support", "staff", "system", "deleted", "deleted_member", "anonymous", "null", "root", "help", "security",
            "official", "team", "me", "moderators", "admins");

    private final AccountRepository accounts;
    private final ConsentRepository consents;
    private final SessionService sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final Guidelines guidelines;
    private final AuthConfig config;
    private final Clock clock;

    public AccountService(AccountRepository accounts, ConsentRepository consents, SessionService sessions,
            PasswordHasher hasher, PasswordPolicy passwordPolicy, Guidelines guidelines, AuthConfig config,
            Clock clock) {
        this.accounts = accounts;
        this.consents = consents;
        this.sessions = sessions;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.guidelines = guidelines;
        this.config = config;
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
        if (request.birthYear() != null
                && clock.instant().atZone(ZoneOffset.UTC).getYear() - request.birthYear() < MINIMUM_AGE) {
            throw new BadRequestException("birthYear", "Kindred is for people aged " + MINIMUM_AGE + " and over");
        }
        List<String> languages = canonicalLanguages(request.languages());
        passwordPolicy.requireStrong("password", request.password(), email, request.handle(), request.displayName());
        String hash = hasher.hash(request.password());
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                requireUnique(email, request.handle());
                Instant now = clock.instant();
                Account account = Account.register(email, hash, request.handle(), blankToNull(request.displayName()),
                        request.country(), languages, request.birthYear(), guidelines.currentVersion(), now);
                accounts.persist(account);
                consents.persist(
                        Consent.accept(account.id(), Consent.COMMUNITY_GUIDELINES, guidelines.currentVersion(), now));
                accounts.flush();
                TokenResponse tokens = sessions.open(account);
                return new RegistrationResponse(AccountMapper.toMe(account), tokens.accessToken(),
                        tokens.refreshToken(),
                        tokens.expiresIn(), tokens.tokenType());
            });
        } catch (PersistenceException e) {
            if (!UniqueViolation.isCause(e)) {
                throw e;
            }
            // Two registrations raced past the uniqueness check; the unique index decided.
            throw duplicate(List.of(new Problem.FieldError("email", "or handle is already in use")));
        }
    }

    public TokenResponse login(LoginRequest request) {
        String email = normalizeEmail(request.email());
        Optional<Account> found = QuarkusTransaction.requiringNew().call(() -> accounts.findByEmail(email)
                .filter(a -> a.status() != AccountStatus.DELETED));
        String hash = found.map(Account::passwordHash).orElse(null);
        if (!hasher.verify(hash, request.password())) {
            throw new UnauthorizedException("invalid-credentials", "E-mail or password is wrong");
        }
        Account account = found.get();
        if (account.status() == AccountStatus.SUSPENDED) {
            throw new ForbiddenException("account-suspended", "Account suspended",
                    "This account is suspended. Contact the Kindred team if you think this is a mistake.");
        }
        String upgraded = hasher.needsRehash(hash) ? hasher.hash(request.password()) : null;
        return QuarkusTransaction.requiringNew().call(() -> {
            Account fresh = accounts.findById(account.id());
            if (upgraded != null) {
                fresh.upgradePasswordHash(upgraded);
            }
            return sessions.open(fresh);
        });
    }

    @Transactional
    public Versioned<MeResponse> me(UUID accountId) {
        Account account = active(accountId);
        return Versioned.of(AccountMapper.toMe(account), account.version());
    }

    public Versioned<MeResponse> updateMe(UUID accountId, UpdateMeRequest request, String ifMatch) {
        Optional<String> newEmail = request.email() == null
                ? Optional.empty()
                : request.email().map(this::normalizeEmail);
        if (request.email() != null && request.email().isEmpty()) {
            throw new BadRequestException("email", "cannot be removed");
        }
        if (newEmail.isPresent()) {
            String password = request.currentPassword() == null ? null : request.currentPassword().orElse(null);
            if (password == null) {
                throw new BadRequestException("currentPassword", "is required to change the e-mail");
            }
            String hash = QuarkusTransaction.requiringNew().call(() -> active(accountId).passwordHash());
            if (!hasher.verify(hash, password)) {
                throw wrongPassword();
            }
        }
        rejectNullFor("languages", request.languages());
        rejectNullFor("hiddenContentWarnings", request.hiddenContentWarnings());
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Account account = active(accountId);
                ETags.requireMatch(ifMatch, account.version());
                Instant now = clock.instant();
                if (newEmail.isPresent() && !newEmail.get().equals(account.email())) {
                    if (accounts.emailTaken(newEmail.get())) {
                        throw duplicate(List.of(new Problem.FieldError("email", "is already in use")));
                    }
                    account.changeEmail(newEmail.get(), now);
                }
                if (request.displayName() != null) {
                    account.changeDisplayName(blankToNull(request.displayName().orElse(null)), now);
                }
                if (request.country() != null) {
                    account.changeCountry(request.country().orElse(null), now);
                }
                if (request.languages() != null) {
                    account.changeLanguages(canonicalLanguages(request.languages().get()), now);
                }
                if (request.birthYear() != null) {
                    Integer year = request.birthYear().orElse(null);
                    if (year != null && now.atZone(ZoneOffset.UTC).getYear() - year < MINIMUM_AGE) {
                        throw new BadRequestException("birthYear",
                                "Kindred is for people aged " + MINIMUM_AGE + " and over");
                    }
                    account.changeBirthYear(year, now);
                }
                if (request.hiddenContentWarnings() != null) {
                    List<ContentWarning> warnings = request.hiddenContentWarnings().get();
                    account.hideContentWarnings(warnings.isEmpty() ? List.of() : EnumSet.copyOf(warnings), now);
                }
                accounts.flush();
                return Versioned.of(AccountMapper.toMe(account), account.version());
            });
        } catch (PersistenceException e) {
            if (!UniqueViolation.isCause(e)) {
                throw e;
            }
            throw duplicate(List.of(new Problem.FieldError("email", "is already in use")));
        }
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

    @Transactional
    public PublicProfileResponse publicProfile(String handle) {
        return accounts.findByHandle(handle.toLowerCase(Locale.ROOT))
                .filter(a -> a.status() == AccountStatus.ACTIVE)
                .map(AccountMapper::toPublic)
                .orElseThrow(() -> new NotFoundException("No member with this handle"));
    }

    /** Handles and display names of the given accounts, in one query, for lists that show people. */
    @Transactional
    public Map<UUID, AccountSummary> summaries(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return accounts.list("id in ?1", ids).stream().collect(Collectors.toMap(Account::id,
                a -> a.status() == AccountStatus.DELETED
                        ? new AccountSummary(a.id(), a.handle(), DELETED_MEMBER, false)
                        : new AccountSummary(a.id(), a.handle(), a.displayName(), a.isProfessional())));
    }

    @Transactional
    public AdminAccountResponse adminUpdate(UUID accountId, AdminUpdateAccountRequest request) {
        Account account = accounts.findByIdOptional(accountId)
                .filter(a -> a.status() != AccountStatus.DELETED)
                .orElseThrow(() -> new NotFoundException("No such account"));
        Instant now = clock.instant();
        if (request.roles() != null) {
            Set<String> roles = new LinkedHashSet<>();
            for (PlatformRole role : request.roles()) {
                roles.add(role.value());
            }
            account.replaceRoles(roles, now);
        }
        if (request.status() != null) {
            AccountStatus status = AccountStatus.valueOf(request.status().name());
            account.changeStatus(status, now);
            if (status == AccountStatus.SUSPENDED) {
                sessions.revokeAll(accountId, null, AuthSession.RevokeReason.ACCOUNT_SUSPENDED);
            }
        }
        LOG.infof("Admin updated account %s (roles changed: %s, status changed: %s)", accountId,
                request.roles() != null, request.status() != null);
        return AccountMapper.toAdmin(account);
    }

    /** Suspends an account platform-wide and signs it out everywhere at once (an admin's decision on a report). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suspend(UUID accountId) {
        Account account = accounts.findByIdOptional(accountId).filter(a -> a.status() != AccountStatus.DELETED)
                .orElseThrow(() -> new NotFoundException("No such account"));
        account.changeStatus(AccountStatus.SUSPENDED, clock.instant());
        sessions.revokeAll(accountId, null, AuthSession.RevokeReason.ACCOUNT_SUSPENDED);
    }

    /** The account's profile country (ISO 3166-1 alpha-2), if it set one: where to look for crisis lines. */
    @Transactional
    public Optional<String> country(UUID accountId) {
        return accounts.findByIdOptional(accountId).filter(a -> a.status() != AccountStatus.DELETED)
                .map(Account::country);
    }

    /** The account's public face, if it exists and is not deleted. */
    @Transactional
    public Optional<AccountSummary> summary(UUID accountId) {
        return accounts.findByIdOptional(accountId).filter(a -> a.status() != AccountStatus.DELETED)
                .map(a -> new AccountSummary(a.id(), a.handle(), a.displayName(), a.isProfessional()));
    }

    /** Makes the accounts named in {@code kindred.auth.bootstrap-admins} platform admins. */
    void grantBootstrapAdmins(@Observes StartupEvent event) {
        List<String> emails = config.bootstrapAdmins().orElse(List.of());
        if (emails.isEmpty()) {
            return;
        }
        int granted = QuarkusTransaction.requiringNew().call(() -> {
            int count = 0;
            for (String email : emails) {
                Optional<Account> account = accounts.findByEmail(normalizeEmail(email));
                if (account.isPresent() && !account.get().roles().contains(CurrentUser.ADMIN)) {
                    Set<String> roles = new LinkedHashSet<>(account.get().roles());
                    roles.add(CurrentUser.ADMIN);
                    account.get().replaceRoles(roles, clock.instant());
                    count++;
                }
            }
            return count;
        });
        LOG.infof("Bootstrap admins: %d account(s) granted the admin role, %d configured", granted, emails.size());
    }

    private Account active(UUID accountId) {
        return accounts.findByIdOptional(accountId).filter(a -> a.status() == AccountStatus.ACTIVE)
                .orElseThrow(() -> new UnauthorizedException("invalid-token", "This account is no longer active"));
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

    private static ConflictException duplicate(List<Problem.FieldError> errors) {
        return new ConflictException("duplicate", "Already in use",
                "An account with this e-mail or handle already exists", errors, null);
    }

    private ConflictException guidelinesOutdated() {
        return new ConflictException("guidelines-outdated", "Guidelines version is not current",
                "Read and accept the current community guidelines (version " + guidelines.currentVersion() + ")",
                null, java.util.Map.of("currentGuidelinesVersion", guidelines.currentVersion()));
    }

    private static ForbiddenException wrongPassword() {
        return new ForbiddenException("wrong-password", "Wrong password", "The current password is wrong");
    }

    private static void rejectNullFor(String field, Optional<?> value) {
        if (value != null && value.isEmpty()) {
            throw new BadRequestException(field, "cannot be null; send [] to clear it");
        }
    }

    private static List<String> canonicalLanguages(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        return tags.stream().map(LanguageTagValidator::canonical).distinct().toList();
    }

    private String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
