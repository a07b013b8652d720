package org.kindred.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import org.kindred.accounts.api.RecoveryCodeRedemption;
import org.kindred.accounts.api.RecoveryCodesResponse;
import org.kindred.accounts.api.RecoveryCodesStatusResponse;
import org.kindred.accounts.mail.AccountMail;
import org.kindred.accounts.mail.OutgoingMail;
import org.kindred.platform.db.NativeSql;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ForbiddenException;
import org.kindred.platform.error.UnauthorizedException;
import org.kindred.platform.ratelimit.ActionClass;
import org.kindred.platform.ratelimit.RequestLimits;
import org.kindred.platform.security.PasswordHasher;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Printable single-use recovery codes, for members who give no reachable e-mail (or fear losing it). A set of
 * {@value #COUNT} codes is shown once when generated; only their SHA-256 is stored (each carries 60 random bits, so a
 * slow hash adds nothing). A code sets a new password exactly like a mailed reset link: every session ends. A wrong
 * code, a used one and an unknown handle answer the same 400 {@code invalid-code} after the same work.
 */
@ApplicationScoped
public class RecoveryCodes {

    static final int COUNT = 10;
    /** Crockford's base 32: no i, l, o or u, so a printed code cannot be misread (i and l read as 1, o as 0). */
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Stands in for the account of an unknown handle, so the lookup costs the same. */
    private static final UUID NOBODY = new UUID(0, 0);

    private final EntityManager em;
    private final AccountRepository accounts;
    private final SessionService sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final AccountMail mail;
    private final Event<OutgoingMail> outgoing;
    private final RequestLimits requestLimits;
    private final Clock clock;

    public RecoveryCodes(EntityManager em, AccountRepository accounts, SessionService sessions, PasswordHasher hasher,
            PasswordPolicy passwordPolicy, AccountMail mail, Event<OutgoingMail> outgoing, RequestLimits requestLimits,
            Clock clock) {
        this.em = em;
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.mail = mail;
        this.outgoing = outgoing;
        this.requestLimits = requestLimits;
        this.clock = clock;
    }

    /** A new set of codes, replacing any earlier one; the password is checked outside the transaction (Argon2id). */
    public RecoveryCodesResponse generate(UUID accountId, String currentPassword) {
        String hash = QuarkusTransaction.requiringNew().call(() -> active(accountId).passwordHash());
        if (!hasher.verify(hash, currentPassword)) {
            throw new ForbiddenException("wrong-password", "Wrong password", "The current password is wrong");
        }
        Instant now = clock.instant();
        List<String> codes = QuarkusTransaction.requiringNew().call(() -> {
            active(accountId);
            return replaceSet(accountId, now);
        });
        return new RecoveryCodesResponse(codes, now);
    }

    /**
     * Makes a new set for the account, in the caller's transaction, replacing any earlier one, and answers the codes:
     * the only time they exist outside the member's hands. Registration without an e-mail uses it too.
     */
    List<String> replaceSet(UUID accountId, Instant now) {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            codes.add(newCode());
        }
        em.createNativeQuery("DELETE FROM recovery_codes WHERE account_id = ?1").setParameter(1, accountId)
                .executeUpdate();
        for (String code : codes) {
            em.createNativeQuery("INSERT INTO recovery_codes (account_id, code_hash, created_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, accountId).setParameter(2, SessionService.hash(canonical(code)))
                    .setParameter(3, now).executeUpdate();
        }
        return codes;
    }

    /** How many codes are left, and when the set was made; never the codes. */
    public RecoveryCodesStatusResponse status(UUID accountId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("""
                    SELECT count(*) FILTER (WHERE used_at IS NULL), max(created_at)
                    FROM recovery_codes WHERE account_id = ?1""").setParameter(1, accountId).getSingleResult();
            return new RecoveryCodesStatusResponse(((Number) row[0]).intValue(), NativeSql.instant(row[1]));
        });
    }

    /**
     * Sets a new password with a code and ends every session. Throttled per handle here and per IP at the endpoint
     * (PASSWORD class). A password the policy refuses (400) leaves the code unused.
     */
    public void redeem(RecoveryCodeRedemption request) {
        String handle = request.handle().strip().toLowerCase(Locale.ROOT);
        requestLimits.consumeFor(ActionClass.PASSWORD, "recovery-code:" + handle);
        byte[] codeHash = SessionService.hash(canonical(request.code()));
        Account snapshot = QuarkusTransaction.requiringNew().call(() -> {
            Optional<Account> account = accounts.findByHandle(handle).filter(a -> a.status() == AccountStatus.ACTIVE);
            // The same lookup whether or not the handle exists: its answer never depends on which part was wrong.
            boolean usable = unused(account.map(Account::id).orElse(NOBODY), codeHash);
            return account.filter(a -> usable).orElseThrow(RecoveryCodes::invalidCode);
        });
        passwordPolicy.requireStrong("newPassword", request.newPassword(), snapshot.email(), snapshot.handle(),
                snapshot.displayName());
        String hash = hasher.hash(request.newPassword());
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            int used = em.createNativeQuery("""
                    UPDATE recovery_codes SET used_at = ?3
                    WHERE account_id = ?1 AND code_hash = ?2 AND used_at IS NULL""").setParameter(1, snapshot.id())
                    .setParameter(2, codeHash).setParameter(3, now).executeUpdate();
            Account account = accounts.findByIdOptional(snapshot.id())
                    .filter(a -> a.status() == AccountStatus.ACTIVE && used == 1)
                    .orElseThrow(RecoveryCodes::invalidCode);
            account.changePassword(hash, now);
            sessions.revokeAll(account.id(), null, AuthSession.RevokeReason.PASSWORD_RESET);
            if (account.emailVerified()) {
                outgoing.fire(mail.recoveryCodeUsedNotice(account.email()));
            }
        });
    }

    private boolean unused(UUID accountId, byte[] codeHash) {
        return !em.createNativeQuery("""
                SELECT 1 FROM recovery_codes WHERE account_id = ?1 AND code_hash = ?2 AND used_at IS NULL""")
                .setParameter(1, accountId).setParameter(2, codeHash).getResultList().isEmpty();
    }

    static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH + 2);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** A code as typed, reduced to what is hashed: lower case, no spaces or hyphens, misreadings mapped back. */
    static String canonical(String typed) {
        StringBuilder out = new StringBuilder(LENGTH);
        typed.toLowerCase(Locale.ROOT).chars().filter(c -> c != '-' && !Character.isWhitespace(c))
                .map(c -> c == 'i' || c == 'l' ? '1' : c == 'o' ? '0' : c).forEach(out::appendCodePoint);
        return out.toString();
    }

    private Account active(UUID accountId) {
        return accounts.findByIdOptional(accountId).filter(a -> a.status() == AccountStatus.ACTIVE)
                .orElseThrow(() -> new UnauthorizedException("invalid-token", "This account is no longer active"));
    }

    static BadRequestException invalidCode() {
        return new BadRequestException("invalid-code", "Recovery code invalid",
                "This handle and recovery code do not match an unused code. Check both, or use another code.");
    }
}
