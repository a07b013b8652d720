package org.kindred.groups.events;

import java.util.UUID;

import org.kindred.platform.events.DomainEvent;

/** A moderator published a new version of a group's rules; members must accept it before posting again. */
public record GroupRulesChanged(UUID groupId, UUID actorId, int rulesVersion) implements DomainEvent {
}
