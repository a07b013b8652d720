package org.kindred.groups.events;

import java.util.Map;
import java.util.UUID;

import org.kindred.platform.events.DomainEvent;

/** An owner changed a group's visibility or facilitation; {@code changes} maps each setting to its new value. */
public record GroupSettingsChanged(UUID groupId, UUID actorId, Map<String, Object> changes) implements DomainEvent {
}
