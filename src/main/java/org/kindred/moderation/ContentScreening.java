package org.kindred.moderation;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.platform.error.UnprocessableException;
import org.kindred.posts.PostStatus;

/**
 * Screens a new or edited post before it is saved: the group's keyword rules decide whether it is refused (BLOCK,
 * 422 naming the rule), waits for approval (HOLD) or is published and queued for review (FLAG).
 */
@ApplicationScoped
public class ContentScreening {

    /** The status a post gets, and what to record once it is saved. */
    public record Verdict(PostStatus status, Optional<KeywordRule> rule) {
    }

    private final KeywordRuleService keywordRules;
    private final ModerationService moderation;

    public ContentScreening(KeywordRuleService keywordRules, ModerationService moderation) {
        this.keywordRules = keywordRules;
        this.moderation = moderation;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Verdict screen(UUID groupId, String title, String body) {
        Optional<KeywordRule> rule = keywordRules.firstMatch(groupId, title, body);
        if (rule.isPresent() && rule.get().action() == KeywordRule.Action.BLOCK) {
            throw new UnprocessableException("keyword-blocked", "Not allowed in this group",
                    "This group does not allow posts containing \"" + rule.get().phrase() + "\"; please rephrase",
                    Map.of("rule", Map.of("id", rule.get().id().toString(), "phrase", rule.get().phrase())));
        }
        boolean hold = rule.isPresent() && rule.get().action() == KeywordRule.Action.HOLD;
        return new Verdict(hold ? PostStatus.PENDING_APPROVAL : PostStatus.PUBLISHED, rule);
    }

    /** Puts a held or flagged post into the moderators' queue, once it has an id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSaved(Verdict verdict, UUID groupId, UUID postId, UUID authorId) {
        verdict.rule().ifPresent(rule -> moderation.raise(groupId, postId, authorId, ReportSource.KEYWORD_RULE,
                ReportReason.OTHER, "Contains the watched phrase \"" + rule.phrase() + "\" (" + rule.action() + ")"));
    }
}
