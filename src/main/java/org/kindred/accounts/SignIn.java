package org.kindred.accounts;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.accounts.api.LoginRequest;
import org.kindred.accounts.api.TokenResponse;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.UnauthorizedException;
import org.kindred.platform.security.PasswordHasher;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Signing in with e-mail and password. The Argon2id check (and a rehash to current parameters) runs between two short
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

    public TokenResponse login(LoginRequest request) {
        String email = AccountInput.normalizeEmail(request.email());
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
            return sessions.open(fresh, AccountInput.blankToNull(request.deviceLabel()));
        });
    }
}
