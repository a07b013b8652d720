package org.kindred.groups.events;

import java.time.Instant;
import java.util.UUID;

import org.kindred.platform.events.DomainEvent;

/** A moderator created or revoked an invite link; {@code maxUses} and {@code expiresAt} are set on creation. */
public record InviteChanged(UUID groupId, UUID actorId, UUID inviteId, boolean revoked, Integer maxUses,
        Instant expiresAt) implements DomainEvent {
}
