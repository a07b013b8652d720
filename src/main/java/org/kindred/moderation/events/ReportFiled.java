package org.kindred.moderation.events;

import java.util.UUID;

import org.kindred.moderation.ReportReason;
import org.kindred.moderation.ReportSource;
import org.kindred.moderation.ReportTarget;
import org.kindred.platform.events.DomainEvent;

/** A report entered the queue: filed by a member, or raised by the service itself (care, keyword rules). */
public record ReportFiled(UUID reportId, UUID groupId, ReportTarget targetType, UUID targetId, ReportSource source,
        ReportReason reason) implements DomainEvent {
}
