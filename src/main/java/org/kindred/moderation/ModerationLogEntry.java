package org.kindred.moderation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One line of a group's append-only moderation log (a database trigger refuses updates and deletes). */
@Entity
@Table(name = "moderation_log")
@Immutable
public class ModerationLogEntry {

    public enum TargetType {
        ACCOUNT, POST, GROUP, INVITE
    }

    @Id
    private UUID id;

    @Column(name = "group_id", nullable = false)
    private UUID groupId;

    @Column(name = "actor_id")
    private UUID actorId;

    @Column(nullable = false)
    private String action;

    @Column(name = "target_type", nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private TargetType targetType;

    @Column(name = "target_id")
    private UUID targetId;

    private String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    private Map<String, Object> details;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "visible_to_members", nullable = false)
    private boolean visibleToMembers = true;

    protected ModerationLogEntry() {
    }

    static ModerationLogEntry of(UUID groupId, UUID actorId, ModerationLogAction action, TargetType targetType,
            UUID targetId,
            String reason, Map<String, Object> details, boolean visibleToMembers, Instant now) {
        ModerationLogEntry entry = new ModerationLogEntry();
        entry.id = UUID.randomUUID();
        entry.groupId = groupId;
        entry.actorId = actorId;
        entry.action = action.name();
        entry.targetType = targetType;
        entry.targetId = targetId;
        entry.reason = reason;
        entry.details = details == null ? Map.of() : details;
        entry.createdAt = now;
        entry.visibleToMembers = visibleToMembers;
        return entry;
    }

    public UUID id() {
        return id;
    }

    public UUID groupId() {
        return groupId;
    }

    public UUID actorId() {
        return actorId;
    }

    public String action() {
        return action;
    }

    public TargetType targetType() {
        return targetType;
    }

    public UUID targetId() {
        return targetId;
    }

    public String reason() {
        return reason;
    }

    public Map<String, Object> details() {
        return details;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean visibleToMembers() {
        return visibleToMembers;
    }
}
