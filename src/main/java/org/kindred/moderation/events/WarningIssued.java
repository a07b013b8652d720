package org.kindred.moderation.events;

import java.util.UUID;

import org.kindred.platform.events.DomainEvent;

/** A moderator warned a member ({@code accountId}) of a group; the member reads the reason in their warnings. */
public record WarningIssued(UUID warningId, UUID groupId, UUID accountId) implements DomainEvent {
}
