package org.kindred.library.events;

import java.util.UUID;

import org.kindred.platform.events.DomainEvent;

/**
 * A PUBLISHED resource was archived: it left the public list and feeds. A partner withdrawing its own pending
 * submission fires nothing (the public never saw it).
 */
public record ResourceArchived(UUID resourceId) implements DomainEvent {
}
