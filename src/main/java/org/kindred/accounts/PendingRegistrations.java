package org.kindred.accounts;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PendingRegistrations implements PanacheRepositoryBase<PendingRegistration, byte[]> {

    /** Takes the pending registration out (locked against a concurrent confirmation), if the token names one. */
    Optional<PendingRegistration> redeem(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Optional<PendingRegistration> found = findByIdOptional(SessionService.hash(token),
                LockModeType.PESSIMISTIC_WRITE);
        found.ifPresent(this::delete);
        return found;
    }

    /** Every other registration waiting for the address: once it has an account, their links must stop working. */
    void withdrawFor(String email) {
        delete("email", email);
    }

    long purgeExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
