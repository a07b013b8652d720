package org.kindred.library.events;

import java.util.UUID;

import org.kindred.platform.events.DomainEvent;

/**
 * A PUBLISHED resource's public content changed: an admin's edit, a verification ({@code lastVerifiedAt}) or a
 * changed seed entry. Edits to submissions still waiting for review fire nothing (the public never saw them).
 */
public record ResourceUpdated(UUID resourceId) implements DomainEvent {
}
