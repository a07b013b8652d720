package org.kindred.moderation;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Writes the append-only moderation log, in the caller's transaction so an action and its record commit together. */
@ApplicationScoped
public class ModerationJournal implements PanacheRepositoryBase<ModerationEntry, UUID> {

    private final Clock clock;

    public ModerationJournal(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID groupId, UUID actorId, ModerationAction action, ModerationEntry.TargetType targetType,
            UUID targetId, String reason, Map<String, Object> details) {
        persist(ModerationEntry.of(groupId, actorId, action, targetType, targetId, reason, details, clock.instant()));
    }
}
