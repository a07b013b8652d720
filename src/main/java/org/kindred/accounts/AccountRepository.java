package org.kindred.accounts;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

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
}
