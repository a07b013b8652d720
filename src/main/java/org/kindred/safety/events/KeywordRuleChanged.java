package org.kindred.safety.events;

import java.util.UUID;

import org.kindred.platform.events.DomainEvent;
import org.kindred.safety.KeywordRule;

/** A moderator added, changed or removed a keyword rule. The phrase is for moderators' eyes only. */
public record KeywordRuleChanged(UUID groupId, UUID actorId, UUID ruleId, Change change, String phrase,
        KeywordRule.Action action) implements DomainEvent {

    public enum Change {
        ADDED, CHANGED, REMOVED
    }
}
