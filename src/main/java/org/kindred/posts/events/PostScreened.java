package org.kindred.posts.events;

import java.util.UUID;

import org.kindred.platform.events.DomainEvent;
import org.kindred.safety.KeywordRule;

/**
 * Screening of a new or edited post found something the moderators must see: it was held for care (an URGENT
 * crisis signal, or {@code checkFailed}: the safety check could not run and failed closed), and/or it matched a
 * keyword rule ({@code ruleId}, {@code phrase}, {@code ruleAction}; null when no rule matched), and/or it showed signs
 * of distress short of URGENT ({@code concern}: the post is published, its author was shown crisis lines, and the
 * moderators see it in their care queue below the posts held for care).
 */
public record PostScreened(UUID postId, UUID groupId, UUID authorId, boolean heldForCare, boolean checkFailed,
        boolean concern, UUID ruleId, String phrase, KeywordRule.Action ruleAction) implements DomainEvent {
}
