package org.kindred.moderation.events;

import java.util.Map;
import java.util.UUID;

import org.kindred.moderation.ReportAction;
import org.kindred.moderation.ReportStatus;
import org.kindred.moderation.ReportTarget;
import org.kindred.platform.events.DomainEvent;

/**
 * A moderator resolved or dismissed the open reports of one target, taking {@code action}. {@code reportsByReporter}
 * maps each member who had filed one of the closed reports to their own report's id; who reported is a secret.
 */
public record ReportClosed(UUID reportId, UUID groupId, ReportTarget targetType, UUID targetId, ReportStatus status,
        ReportAction action, Map<UUID, UUID> reportsByReporter) implements DomainEvent {
}
