package org.kindred.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.kindred.platform.error.BadRequestException;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Issues and redeems the single-use links of {@link AccountLink.Purpose}. Issuing a link withdraws the account's
 * earlier unused links of the same purpose, so only the newest mail works. Every way a link can fail (unknown, used,
 * expired, another purpose) answers the same 400 {@code invalid-link}. Runs in the caller's transaction.
 */
@ApplicationScoped
public class AccountLinks implements PanacheRepositoryBase<AccountLink, byte[]> {

    private final Clock clock;

    public AccountLinks(Clock clock) {
        this.clock = clock;
    }

    record Issued(String token, Instant expiresAt) {
    }

    Issued issue(UUID accountId, AccountLink.Purpose purpose, String email, Duration ttl) {
        Instant now = clock.instant();
        update("usedAt = ?1 where accountId = ?2 and purpose = ?3 and usedAt is null", now, accountId, purpose);
        String token = SecretTokens.generate(purpose.prefix);
        Instant expiresAt = now.plus(ttl);
        persist(AccountLink.issue(SessionService.hash(token), accountId, purpose, email, now, expiresAt));
        return new Issued(token, expiresAt);
    }

    /** Uses up the link, locked against a concurrent use; 400 {@code invalid-link} if it cannot be used. */
    AccountLink redeem(String token, AccountLink.Purpose purpose) {
        Instant now = clock.instant();
        AccountLink link = find(token).filter(l -> l.purpose() == purpose && l.usableAt(now))
                .orElseThrow(AccountLinks::invalidLink);
        link.use(now);
        return link;
    }

    /** The link if it could be used now, without using it up or locking it. */
    Optional<AccountLink> peek(String token, AccountLink.Purpose purpose) {
        Instant now = clock.instant();
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return findByIdOptional(SessionService.hash(token)).filter(l -> l.purpose() == purpose && l.usableAt(now));
    }

    /** The unused, unexpired link of that purpose, if any (e.g. the e-mail change waiting for confirmation). */
    Optional<AccountLink> pending(UUID accountId, AccountLink.Purpose purpose) {
        return find("accountId = ?1 and purpose = ?2 and usedAt is null and expiresAt > ?3", accountId, purpose,
                clock.instant()).firstResultOptional();
    }

    void withdrawAll(UUID accountId, AccountLink.Purpose purpose) {
        update("usedAt = ?1 where accountId = ?2 and purpose = ?3 and usedAt is null", clock.instant(), accountId,
                purpose);
    }

    long purgeEnded() {
        return delete("expiresAt < ?1 or usedAt < ?1", clock.instant().minus(Duration.ofDays(1)));
    }

    private Optional<AccountLink> find(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return findByIdOptional(SessionService.hash(token), LockModeType.PESSIMISTIC_WRITE);
    }

    static BadRequestException invalidLink() {
        return new BadRequestException("invalid-link", "Link invalid or expired",
                "This link is invalid, was already used, or has expired. Ask for a new one.");
    }
}
