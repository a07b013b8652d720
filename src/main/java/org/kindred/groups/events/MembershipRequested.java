package org.kindred.groups.events;

import java.util.UUID;

import org.kindred.platform.events.DomainEvent;

/** An account asked to join a group that needs approval; the request waits for the group's moderators. */
public record MembershipRequested(UUID groupId, UUID accountId) implements DomainEvent {
}
