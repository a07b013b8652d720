package org.kindred.safety;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.kindred.moderation.ModerationService;
import org.kindred.moderation.ReportReason;
import org.kindred.moderation.ReportSource;
import org.kindred.platform.error.UnprocessableException;
import org.kindred.posts.PostStatus;
import org.kindred.safety.api.SafetyCheckResponse;

/**
 * Screens a new or edited post before it is saved. The safety check comes first: crisis language of the URGENT level
 * holds the post for care (visible only to its author and the group's moderators, first in their queue), and so does
 * a safety check that cannot run (it fails closed). Otherwise the group's keyword rules decide whether the post is
 * refused (BLOCK, 422 naming the rule), waits for approval (HOLD) or is published and queued for review (FLAG).
 */
@ApplicationScoped
public class ContentScreening {

    private static final Logger LOG = Logger.getLogger(ContentScreening.class);

    /** The status a post gets, what the safety check found (null if it could not run) and what to queue. */
    public record Verdict(PostStatus status, Optional<KeywordRule> rule, SafetyAssessment safety) {

        /** Held for care: an URGENT signal, or no signal because the check failed. */
        public boolean heldForCare() {
            return status == PostStatus.HELD_FOR_CARE;
        }
    }

    private final KeywordRuleService keywordRules;
    private final ModerationService moderation;
    private final SafetyCheck safetyCheck;
    private final SafetyService safetyService;

    public ContentScreening(KeywordRuleService keywordRules, ModerationService moderation, SafetyCheck safetyCheck,
            SafetyService safetyService) {
        this.keywordRules = keywordRules;
        this.moderation = moderation;
        this.safetyCheck = safetyCheck;
        this.safetyService = safetyService;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Verdict screen(UUID groupId, String title, String body, String language) {
        SafetyAssessment safety = assess(title, body, language);
        boolean care = safety == null || safety.crisis() == CrisisLevel.URGENT;
        Optional<KeywordRule> rule = keywordRules.firstMatch(groupId, title, body);
        if (!care && rule.isPresent() && rule.get().action() == KeywordRule.Action.BLOCK) {
            throw new UnprocessableException("keyword-blocked", "Not allowed in this group",
                    "This group does not allow posts containing \"" + rule.get().phrase() + "\"; please rephrase",
                    Map.of("rule", Map.of("id", rule.get().id().toString(), "phrase", rule.get().phrase())));
        }
        boolean hold = rule.isPresent() && rule.get().action() == KeywordRule.Action.HOLD;
        PostStatus status = care ? PostStatus.HELD_FOR_CARE : hold ? PostStatus.PENDING_APPROVAL : PostStatus.PUBLISHED;
        return new Verdict(status, rule, safety);
    }

    /** Puts a held or flagged post into the moderators' queue, once it has an id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSaved(Verdict verdict, UUID groupId, UUID postId, UUID authorId) {
        if (verdict.heldForCare()) {
            moderation.raise(groupId, postId, authorId, ReportSource.SAFETY_CHECK, ReportReason.WELLBEING_CONCERN,
                    verdict.safety() == null
                            ? "The safety check could not run, so the post is held until a moderator has read it"
                            : "The safety check found signs that the author may be in immediate danger");
        }
        verdict.rule().ifPresent(rule -> moderation.raise(groupId, postId, authorId, ReportSource.KEYWORD_RULE,
                ReportReason.OTHER, "Contains the watched phrase \"" + rule.phrase() + "\" (" + rule.action() + ")"));
    }

    /** What the writer is told: the findings, and crisis lines for their country when there is any sign of distress. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SafetyCheckResponse notice(Verdict verdict, UUID authorId) {
        SafetyAssessment safety = verdict.safety() != null
                ? verdict.safety()
                : new SafetyAssessment(CrisisLevel.URGENT, List.of(), List.of()); // held because the check failed
        return safetyService.describe(safety, null, authorId);
    }

    private SafetyAssessment assess(String title, String body, String language) {
        String text = title == null || title.isBlank() ? body : title + "\n\n" + body;
        try {
            return safetyCheck.assess(text, language);
        } catch (RuntimeException | StackOverflowError e) {
            // Fails closed: the post is held. Never log the text.
            LOG.errorf("The safety check failed (%s); the post is held for care", e.getClass().getSimpleName());
            return null;
        }
    }
}
