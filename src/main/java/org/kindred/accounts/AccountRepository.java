package org.kindred.accounts;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.NotFoundException;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    public Optional<Account> findByEmail(String normalizedEmail) {
        return find("email", normalizedEmail).firstResultOptional();
    }

    public Optional<Account> findByHandle(String handle) {
        return find("handle", handle).firstResultOptional();
    }

    public boolean emailTaken(String normalizedEmail) {
        return count("email", normalizedEmail) > 0;
    }

    public boolean handleTaken(String handle) {
        return count("handle", handle) > 0;
    }

    /**
     * The account a member blocks or mutes: never themselves (400 on {@code accountId}) and never an unknown or erased
     * account (404, the same answer either way).
     */
    public void requireOtherLiveAccount(UUID me, UUID target, String verb) {
        if (me.equals(target)) {
            throw new BadRequestException("accountId", "you cannot " + verb + " yourself");
        }
        findByIdOptional(target).filter(a -> a.status() != AccountStatus.DELETED)
                .orElseThrow(() -> new NotFoundException("No such account"));
    }
}
