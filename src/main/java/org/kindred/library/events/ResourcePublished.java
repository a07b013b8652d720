package org.kindred.library.events;

import java.util.UUID;

import org.kindred.platform.events.DomainEvent;

/** A curated resource became PUBLISHED (new, or approved from review): the public feeds change. */
public record ResourcePublished(UUID resourceId) implements DomainEvent {
}
