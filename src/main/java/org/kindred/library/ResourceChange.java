package org.kindred.library;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of a resource's change log (after the HSDS metadata table): who did what, when, to which fields. */
@Entity
@Table(name = "resource_changes")
public class ResourceChange {

    @Id
    private UUID id;

    @Column(name = "resource_id", nullable = false)
    private UUID resourceId;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChangeAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false)
    private Actor.Kind actorKind;

    @Column(name = "actor_account_id")
    private UUID actorAccountId;

    @Column(name = "actor_partner_id")
    private UUID actorPartnerId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    private List<FieldChange> changes = new ArrayList<>();

    protected ResourceChange() {
    }

    static ResourceChange record(UUID resourceId, ChangeAction action, Actor actor, List<FieldChange> changes,
            Instant now) {
        ResourceChange change = new ResourceChange();
        change.id = UUID.randomUUID();
        change.resourceId = resourceId;
        change.action = action;
        change.actorKind = actor.kind();
        change.actorAccountId = actor.accountId();
        change.actorPartnerId = actor.partnerId();
        change.changes = new ArrayList<>(changes);
        change.changedAt = now;
        return change;
    }

    public UUID id() {
        return id;
    }

    public ChangeAction action() {
        return action;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public Actor actor() {
        return new Actor(actorKind, actorAccountId, actorPartnerId);
    }

    public List<FieldChange> changes() {
        return List.copyOf(changes);
    }
}
