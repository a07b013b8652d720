package org.kindred.groups.events;

import java.util.UUID;

import org.kindred.platform.events.DomainEvent;

/** An owner archived a group: it is read-only from now on. */
public record GroupArchived(UUID groupId, UUID actorId, String reason) implements DomainEvent {
}
