package org.kindred.safety;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.kindred.platform.error.UnprocessableException;
import org.kindred.safety.api.SafetyCheckResponse;

/**
 * Screens a new or edited post before it is saved. The safety check comes first: crisis language of the URGENT level
 * holds the post for care (visible only to its author and the group's moderators, first in their queue), and so does
 * a safety check that cannot run (it fails closed). Otherwise the group's keyword rules decide whether the post is
 * refused (BLOCK, 422 naming the rule), waits for approval (HOLD) or is published and queued for review (FLAG). The
 * post's feature applies the verdict and fires {@code PostScreened}; the moderation feature queues it from there.
 */
@ApplicationScoped
public class ContentScreening {

    private static final Logger LOG = Logger.getLogger(ContentScreening.class);

    /** What happens to the post: published, held until a moderator approves it, or held for care. */
    public enum Outcome {
        PUBLISH, HOLD_FOR_APPROVAL, HOLD_FOR_CARE
    }

    /** The outcome, the keyword rule that matched (if any) and what the safety check found (null if it could not run). */
    public record Verdict(Outcome outcome, Optional<KeywordRule> rule, SafetyAssessment safety) {

        /** Held for care: an URGENT signal, or no signal because the check failed. */
        public boolean heldForCare() {
            return outcome == Outcome.HOLD_FOR_CARE;
        }

        /** The safety check could not run, so the post is held (fails closed). */
        public boolean checkFailed() {
            return safety == null;
        }

        /** Signs of distress short of URGENT (CONCERN): published, and the moderators look in on it. */
        public boolean concern() {
            return !heldForCare() && safety != null && safety.crisis() == CrisisLevel.CONCERN;
        }

        /** Something the moderators must see in their queue: held for care, a CONCERN, or a keyword rule matched. */
        public boolean needsModerators() {
            return heldForCare() || concern() || rule.isPresent();
        }
    }

    private final KeywordRuleService keywordRules;
    private final SafetyCheck safetyCheck;
    private final SafetyService safetyService;

    public ContentScreening(KeywordRuleService keywordRules, SafetyCheck safetyCheck, SafetyService safetyService) {
        this.keywordRules = keywordRules;
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
        Outcome outcome = care ? Outcome.HOLD_FOR_CARE : hold ? Outcome.HOLD_FOR_APPROVAL : Outcome.PUBLISH;
        return new Verdict(outcome, rule, safety);
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
