package org.kindred.groups;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SessionImplementor;
import org.kindred.platform.db.AccessChanges;

import com.github.benmanes.caffeine.cache.Cache;

/**
 * This replica's memory of a group's access facts with one caller's membership in it
 * ({@link GroupRepository.FactsAndStanding}), so a group-scoped request (a feed page, a thread) does not read the group
 * and the membership again when it did recently (issue 20). Only raw facts are kept: what the caller may do is decided
 * from them on every request ({@link GroupAccess}), with the caller's roles and the clock of that moment, so a ban that
 * runs out ends on time.
 * <p>
 * Safe because it is told of every change that matters, on every replica, within milliseconds: triggers on
 * {@code groups} and {@code memberships} (migration V33) notify {@link AccessChanges} at commit when a group's slug,
 * name, visibility, archiving, rules or language change or it is deleted ({@code g:<group>}), and when a membership is
 * created, deleted, or its role, status, accepted rules, joining or ban change ({@code m:<group>:<account>}). The
 * fail-safe rules are {@link AccessChanges}': nothing is served unless it is listening, an answer is remembered only
 * if no change arrived while it was read. Changes this replica makes are forgotten when written and again once their
 * transaction has ended ({@link #changedInThisTransaction}: through the entities by
 * {@link GroupAccessChangeListener}, by the native join), so the caller's own next request never sees its membership
 * as it was. A transaction that writes a group or a membership, or holds one as a managed entity, always asks the
 * database and remembers nothing (its answer may never be committed), so a service reads the membership it has just
 * changed as changed and no other request sees it before the commit. A group that is not found is not remembered.
 * Entries live at most {@code kindred.groups.access-cache.ttl} (30 s).
 */
@ApplicationScoped
public class LiveGroupFacts implements AccessChanges.Subscriber {

    /** A group named by id or slug (as the request named it), for one caller or for nobody ({@code account} null). */
    private record Key(String ref, UUID account) {
    }

    /** Marks a transaction that wrote a group or a membership (a transaction-scoped resource). */
    private static final Object WROTE_ACCESS_ROWS = new Object();

    private final boolean enabled;
    private final Cache<Key, GroupRepository.FactsAndStanding> facts;
    private final AccessChanges changes;
    private final GroupRepository groups;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    public LiveGroupFacts(AccessChanges changes, GroupRepository groups, EntityManager em,
            TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "kindred.groups.access-cache.ttl", defaultValue = "PT30S") Duration ttl,
            @ConfigProperty(name = "kindred.groups.access-cache.max-size", defaultValue = "100000") int maxSize) {
        this.enabled = AccessChanges.isOn(ttl, maxSize);
        this.facts = AccessChanges.memory(ttl, maxSize);
        this.changes = changes;
        this.groups = groups;
        this.em = em;
        this.transactions = transactions;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    /** As {@link GroupRepository#factsAndStanding(String, Optional)}, from memory when it may be served. */
    public Optional<GroupRepository.FactsAndStanding> factsAndStanding(String ref, Optional<UUID> account) {
        return remembered(new Key(ref, account.orElse(null)), () -> groups.factsAndStanding(ref, account));
    }

    /** As {@link GroupRepository#factsAndStanding(UUID, Optional)}, from memory when it may be served. */
    public Optional<GroupRepository.FactsAndStanding> factsAndStanding(UUID id, Optional<UUID> account) {
        return remembered(new Key(id.toString(), account.orElse(null)), () -> groups.factsAndStanding(id, account));
    }

    private Optional<GroupRepository.FactsAndStanding> remembered(Key key,
            Supplier<Optional<GroupRepository.FactsAndStanding>> read) {
        if (!enabled || !changes.serving() || writesAccessRows()) {
            return read.get();
        }
        GroupRepository.FactsAndStanding known = facts.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        long epoch = changes.epoch();
        Optional<GroupRepository.FactsAndStanding> found = read.get();
        found.ifPresent(f -> changes.remember(facts, key, f, epoch));
        return found;
    }

    /**
     * Whether this transaction has written a group or a membership ({@link #changedInThisTransaction}), or its
     * persistence context manages one that it may change: then the database is asked (its query flushes pending
     * changes first) and the answer, which may not be committed yet, is not remembered.
     */
    private boolean writesAccessRows() {
        if (transactions.getTransactionKey() != null && transactions.getResource(WROTE_ACCESS_ROWS) != null) {
            return true;
        }
        PersistenceContext context = em.unwrap(SessionImplementor.class).getPersistenceContextInternal();
        if (context.getNumberOfManagedEntities() == 0) {
            return false;
        }
        for (Map.Entry<Object, EntityEntry> managed : context.reentrantSafeEntityEntries()) {
            if (managed.getKey() instanceof Group || managed.getKey() instanceof Membership) {
                return true;
            }
        }
        return false;
    }

    /** Forgets everything known of a group (its facts changed, or it was deleted). */
    public void forgetGroup(UUID groupId) {
        changes.moved();
        facts.asMap().values().removeIf(f -> f.group().id().equals(groupId));
    }

    /** Forgets one account's standing in a group (joined, left, role, status, rules accepted or ban changed). */
    public void forgetMembership(UUID groupId, UUID accountId) {
        changes.moved();
        facts.asMap().entrySet()
                .removeIf(e -> accountId.equals(e.getKey().account()) && e.getValue().group().id().equals(groupId));
    }

    /**
     * A group ({@code accountId} null) or one account's membership in it was written in the current transaction:
     * forgotten now, and again once the transaction has ended, so a request that read the old row before the commit
     * cannot leave it remembered until the notification arrives.
     */
    public void changedInThisTransaction(UUID groupId, UUID accountId) {
        Runnable forget = accountId == null
                ? () -> forgetGroup(groupId)
                : () -> forgetMembership(groupId, accountId);
        forget.run();
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.putResource(WROTE_ACCESS_ROWS, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing before: the row is not committed yet
                }

                @Override
                public void afterCompletion(int status) {
                    forget.run();
                }
            });
        }
    }

    @Override
    public void changed(String payload) {
        if (payload.startsWith("g:")) {
            forgetGroup(UUID.fromString(payload.substring(2)));
        } else if (payload.startsWith("m:") && payload.length() == 2 + 36 + 1 + 36) {
            forgetMembership(UUID.fromString(payload.substring(2, 38)), UUID.fromString(payload.substring(39)));
        }
    }

    @Override
    public void forgetAll() {
        facts.invalidateAll();
    }
}
