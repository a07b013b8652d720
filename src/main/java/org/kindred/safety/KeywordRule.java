package org.kindred.safety;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A group's watched word or phrase. */
@Entity
@Table(name = "group_keyword_rules")
public class KeywordRule {

    public enum Action {
        /** Refuse the post with a 422 naming the rule. */
        BLOCK,
        /** Keep the post waiting for a moderator's approval. */
        HOLD,
        /** Publish the post and put it in the moderators' queue. */
        FLAG
    }

    @Id
    private UUID id;

    @Column(name = "group_id", nullable = false)
    private UUID groupId;

    @Column(nullable = false)
    private String phrase;

    @Column(nullable = false)
    private String normalized;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Action action;

    @Column(name = "created_by")
    private UUID createdBy;

    @jakarta.persistence.Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected KeywordRule() {
    }

    static KeywordRule create(UUID groupId, String phrase, String normalized, Action action, UUID by, Instant now) {
        KeywordRule rule = new KeywordRule();
        rule.id = UUID.randomUUID();
        rule.groupId = groupId;
        rule.phrase = phrase;
        rule.normalized = normalized;
        rule.action = action;
        rule.createdBy = by;
        rule.createdAt = now;
        return rule;
    }

    void changeAction(Action action) {
        this.action = action;
    }

    public UUID id() {
        return id;
    }

    public UUID groupId() {
        return groupId;
    }

    public String phrase() {
        return phrase;
    }

    public String normalized() {
        return normalized;
    }

    public Action action() {
        return action;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
