package org.kindred.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.accounts.api.LoginRequest;
import org.kindred.accounts.api.TokenResponse;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.Problem;
import org.kindred.platform.error.UnauthorizedException;
import org.kindred.platform.security.PasswordHasher;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Signing in with e-mail or handle and password. The Argon2id check (and a rehash to current parameters) runs between two short
 * transactions so a slow hash never holds a pooled connection.
 */
@ApplicationScoped
public class SignIn {

    private final AccountRepository accounts;
    private final SessionService sessions;
    private final PasswordHasher hasher;

    public SignIn(AccountRepository accounts, SessionService sessions, PasswordHasher hasher) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
    }

    /**
     * Signs in by e-mail or by handle (exactly one). An unknown account, a deleted one and a wrong password answer the
     * same 401 after the same lookup and one Argon2id verification (against no hash when nobody was found).
     */
    public TokenResponse login(LoginRequest request) {
        boolean byHandle = signInName(request);
        Optional<Account> found = QuarkusTransaction.requiringNew()
                .call(() -> (byHandle
                        ? accounts.findByHandle(request.handle().strip().toLowerCase(Locale.ROOT))
                        : accounts.findByEmail(AccountInput.normalizeEmail(request.email())))
                        .filter(a -> a.status() != AccountStatus.DELETED));
        String hash = found.map(Account::passwordHash).orElse(null);
        if (!hasher.verify(hash, request.password())) {
            throw new UnauthorizedException("invalid-credentials",
                    byHandle ? "Handle or password is wrong" : "E-mail or password is wrong");
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
            return sessions.open(fresh, AccountInput.blankToNull(request.deviceLabel()));
        });
    }

    /** True when the request names the account by handle; 400 unless exactly one of e-mail and handle is given. */
    private static boolean signInName(LoginRequest request) {
        if ((request.email() == null) == (request.handle() == null)) {
            String message = "send exactly one of email and handle";
            throw new BadRequestException("Send exactly one of `email` and `handle`",
                    List.of(new Problem.FieldError("email", message), new Problem.FieldError("handle", message)));
        }
        String given = request.email() != null ? "email" : "handle";
        if ((request.email() != null ? request.email() : request.handle()).isBlank()) {
            throw new BadRequestException(given, "must not be blank");
        }
        return request.handle() != null;
    }
}
