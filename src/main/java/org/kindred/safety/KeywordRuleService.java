package org.kindred.safety;

import java.text.Normalizer;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kindred.groups.GroupAccess;
import org.kindred.groups.GroupContext;
import org.kindred.moderation.ModerationAction;
import org.kindred.moderation.ModerationEntry;
import org.kindred.moderation.ModerationJournal;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.security.CurrentUser;
import org.kindred.safety.api.KeywordRuleRequest;
import org.kindred.safety.api.KeywordRuleResponse;

/**
 * A group's watched words. Matching ignores case and accents and works on whole words and phrases: "Zoë" matches
 * "zoe", "go back" matches "GO  back!" but not "go backwards".
 */
@ApplicationScoped
public class KeywordRuleService {

    static final int MAX_RULES_PER_GROUP = 500;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final KeywordRuleRepository rules;
    private final GroupAccess access;
    private final ModerationJournal journal;
    private final CurrentUser currentUser;
    private final Clock clock;

    public KeywordRuleService(KeywordRuleRepository rules, GroupAccess access, ModerationJournal journal,
            CurrentUser currentUser, Clock clock) {
        this.rules = rules;
        this.access = access;
        this.journal = journal;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Lower case, accents removed, every run of non-letters and non-digits a single space, trimmed. */
    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(plain).replaceAll(" ").strip();
    }

    /** The rule a text trips, most severe first (BLOCK, then HOLD, then FLAG), if any. */
    @Transactional
    public Optional<KeywordRule> firstMatch(UUID groupId, String... texts) {
        List<KeywordRule> groupRules = rules.forGroup(groupId);
        if (groupRules.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder haystack = new StringBuilder(" ");
        for (String text : texts) {
            if (text != null) {
                haystack.append(normalize(text)).append(' ');
            }
        }
        String normalized = haystack.toString();
        return groupRules.stream().filter(rule -> normalized.contains(" " + rule.normalized() + " "))
                .min(Comparator.comparing(KeywordRule::action));
    }

    @Transactional
    public List<KeywordRuleResponse> list(String groupRef) {
        GroupContext context = access.requireModerator(groupRef);
        return rules.forGroup(context.groupId()).stream().map(KeywordRuleService::toResponse).toList();
    }

    @Transactional
    public KeywordRuleResponse add(String groupRef, KeywordRuleRequest request) {
        GroupContext context = access.requireModerator(groupRef);
        String normalized = normalize(request.phrase());
        if (normalized.isEmpty()) {
            throw new BadRequestException("phrase", "must contain letters or digits");
        }
        if (rules.exists(context.groupId(), normalized)) {
            throw new ConflictException("duplicate", "Rule exists", "This group already watches that phrase");
        }
        if (rules.countForGroup(context.groupId()) >= MAX_RULES_PER_GROUP) {
            throw new ConflictException("too-many-rules", "Too many rules",
                    "A group can watch at most " + MAX_RULES_PER_GROUP + " phrases");
        }
        UUID actor = currentUser.requireAccountId();
        KeywordRule rule = KeywordRule.create(context.groupId(), request.phrase().strip(), normalized, request.action(),
                actor,
                clock.instant());
        rules.persist(rule);
        // The watched words themselves are for moderators only: members see that the rules changed, not the words.
        journal.recordForModerators(context.groupId(), actor, ModerationAction.KEYWORD_RULE_ADDED,
                ModerationEntry.TargetType.GROUP, context.groupId(), null,
                Map.of("phrase", rule.phrase(), "action", rule.action().name()));
        return toResponse(rule);
    }

    @Transactional
    public KeywordRuleResponse change(String groupRef, UUID ruleId, KeywordRule.Action action) {
        GroupContext context = access.requireModerator(groupRef);
        KeywordRule rule = find(context, ruleId);
        if (rule.action() != action) {
            rule.changeAction(action);
            journal.recordForModerators(context.groupId(), currentUser.requireAccountId(),
                    ModerationAction.KEYWORD_RULE_CHANGED,
                    ModerationEntry.TargetType.GROUP, context.groupId(), null,
                    Map.of("phrase", rule.phrase(), "action", action.name()));
        }
        return toResponse(rule);
    }

    @Transactional
    public void remove(String groupRef, UUID ruleId) {
        GroupContext context = access.requireModerator(groupRef);
        KeywordRule rule = find(context, ruleId);
        rules.delete(rule);
        journal.recordForModerators(context.groupId(), currentUser.requireAccountId(),
                ModerationAction.KEYWORD_RULE_REMOVED,
                ModerationEntry.TargetType.GROUP, context.groupId(), null, Map.of("phrase", rule.phrase()));
    }

    private KeywordRule find(GroupContext context, UUID ruleId) {
        return rules.findByIdOptional(ruleId).filter(r -> r.groupId().equals(context.groupId()))
                .orElseThrow(() -> new NotFoundException("No such keyword rule in this group"));
    }

    private static KeywordRuleResponse toResponse(KeywordRule rule) {
        return new KeywordRuleResponse(rule.id(), rule.phrase(), rule.action(), rule.createdAt());
    }
}
