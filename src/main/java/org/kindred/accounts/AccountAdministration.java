package org.kindred.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.kindred.accounts.api.AdminAccountResponse;
import org.kindred.accounts.api.AdminUpdateAccountRequest;
import org.kindred.accounts.api.PlatformRole;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.security.AuthConfig;
import org.kindred.platform.security.CurrentUser;
import org.kindred.platform.web.ETags;
import org.kindred.platform.web.Versioned;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/** What platform admins decide about accounts: roles, suspension, and the admins configured for a first start. */
@ApplicationScoped
public class AccountAdministration {

    private static final Logger LOG = Logger.getLogger(AccountAdministration.class);

    private final AccountRepository accounts;
    private final SessionService sessions;
    private final AuthConfig config;
    private final Clock clock;

    public AccountAdministration(AccountRepository accounts, SessionService sessions, AuthConfig config, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Versioned<AdminAccountResponse> adminUpdate(UUID accountId, AdminUpdateAccountRequest request,
            String ifMatch) {
        Account account = accounts.findByIdOptional(accountId)
                .filter(a -> a.status() != AccountStatus.DELETED)
                .orElseThrow(() -> new NotFoundException("No such account"));
        ETags.requireMatch(ifMatch, account.version());
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
        accounts.flush();
        return Versioned.of(AccountMapper.toAdmin(account), account.version());
    }

    /** Suspends an account platform-wide and signs it out everywhere at once (an admin's decision on a report). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suspend(UUID accountId) {
        Account account = accounts.findByIdOptional(accountId).filter(a -> a.status() != AccountStatus.DELETED)
                .orElseThrow(() -> new NotFoundException("No such account"));
        account.changeStatus(AccountStatus.SUSPENDED, clock.instant());
        sessions.revokeAll(accountId, null, AuthSession.RevokeReason.ACCOUNT_SUSPENDED);
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
                Optional<Account> account = accounts.findByEmail(AccountInput.normalizeEmail(email));
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
}
