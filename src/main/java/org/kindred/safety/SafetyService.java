package org.kindred.safety;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.accounts.AccountDirectory;
import org.kindred.library.CrisisLines;
import org.kindred.library.api.CrisisLinesResponse;
import org.kindred.platform.security.CurrentUser;
import org.kindred.safety.api.SafetyCheckRequest;
import org.kindred.safety.api.SafetyCheckResponse;

/**
 * The safety check for members: crisis level, personal information and content warnings of a text, plus the crisis
 * lines of the caller's country when the text may signal a crisis. Nothing is stored and nothing about the text is
 * logged. No transaction spans the check itself: the text is assessed in memory, and only the two small reads (the
 * profile's country, the crisis lines) touch the database, each in its own short transaction.
 */
@ApplicationScoped
public class SafetyService {

    private final SafetyCheck check;
    private final CrisisLines crisisLines;
    private final AccountDirectory accounts;
    private final CurrentUser currentUser;

    public SafetyService(SafetyCheck check, CrisisLines crisisLines, AccountDirectory accounts,
            CurrentUser currentUser) {
        this.check = check;
        this.crisisLines = crisisLines;
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    public SafetyCheckResponse check(SafetyCheckRequest request) {
        UUID me = currentUser.requireAccountId();
        return describe(check.assess(request.text(), request.language()), request.country(), me);
    }

    /**
     * The writer's view of an assessment (for the check endpoint and for posts): with crisis lines when there is any
     * sign of distress, for {@code country}, else the writer's profile country, else international ones.
     */
    public SafetyCheckResponse describe(SafetyAssessment assessment, String country, UUID writer) {
        if (assessment.crisis() == CrisisLevel.NONE) {
            return new SafetyCheckResponse(assessment.crisis(), assessment.personalInfo(),
                    assessment.suggestedContentWarnings(), List.of(), null, false, List.of(), assessment.language());
        }
        String where = country != null ? country : accounts.country(writer).orElse(null);
        CrisisLinesResponse lines = crisisLines.forCountry(where);
        return new SafetyCheckResponse(assessment.crisis(), assessment.personalInfo(),
                assessment.suggestedContentWarnings(), lines.items(), lines.country(), lines.international(),
                assessment.signals(), assessment.language());
    }
}
