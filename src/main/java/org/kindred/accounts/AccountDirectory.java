package org.kindred.accounts;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.accounts.api.PublicProfileResponse;
import org.kindred.platform.error.NotFoundException;

/**
 * Looking members up: the public profile behind a handle, and the handles, names and countries other features show
 * or use. Never the e-mail.
 */
@ApplicationScoped
public class AccountDirectory {

    /** The display name shown for the posts of an erased account (its handle is a {@code deleted_...} tombstone). */
    public static final String DELETED_MEMBER = "Deleted member";

    private final AccountRepository accounts;

    public AccountDirectory(AccountRepository accounts) {
        this.accounts = accounts;
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

    /** The account's public face, if it exists and is not deleted. */
    @Transactional
    public Optional<AccountSummary> summary(UUID accountId) {
        return accounts.findByIdOptional(accountId).filter(a -> a.status() != AccountStatus.DELETED)
                .map(a -> new AccountSummary(a.id(), a.handle(), a.displayName(), a.isProfessional()));
    }

    /** The account's profile country (ISO 3166-1 alpha-2), if it set one: where to look for crisis lines. */
    @Transactional
    public Optional<String> country(UUID accountId) {
        return accounts.findByIdOptional(accountId).filter(a -> a.status() != AccountStatus.DELETED)
                .map(Account::country);
    }
}
