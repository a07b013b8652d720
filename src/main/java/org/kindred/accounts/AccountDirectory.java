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
import org.kindred.platform.security.CurrentUser;

/**
 * Looking members up: the public profile behind a handle, and the handles, names and countries other features show
 * or use. Never the e-mail.
 */
@ApplicationScoped
public class AccountDirectory {

    /** The display name shown for the posts of an erased account (its handle is a {@code deleted_...} tombstone). */
    public static final String DELETED_MEMBER = "Deleted member";

    private final AccountRepository accounts;
    private final BlockRepository blocks;
    private final CurrentUser currentUser;

    public AccountDirectory(AccountRepository accounts, BlockRepository blocks, CurrentUser currentUser) {
        this.accounts = accounts;
        this.blocks = blocks;
        this.currentUser = currentUser;
    }

    /**
     * An active member's public profile. A block hides each person from the other: across a block, in either
     * direction, the profile is a 404 exactly like an unknown handle. Platform admins see every profile.
     */
    @Transactional
    public PublicProfileResponse publicProfile(String handle) {
        Optional<UUID> viewer = currentUser.accountId();
        return accounts.findByHandle(handle.toLowerCase(Locale.ROOT))
                .filter(a -> a.status() == AccountStatus.ACTIVE)
                .filter(a -> currentUser.isAdmin() || viewer.isEmpty() || viewer.get().equals(a.id())
                        || !blocks.eitherWay(viewer.get(), a.id()))
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
