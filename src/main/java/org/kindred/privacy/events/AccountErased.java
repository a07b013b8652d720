package org.kindred.privacy.events;

import java.util.UUID;

import org.kindred.platform.events.DomainEvent;

/** A member erased their account; {@code contentRemoved} when they asked for their posts to go too. */
public record AccountErased(UUID accountId, boolean contentRemoved) implements DomainEvent {
}
