package org.kindred.safety;

import java.text.Normalizer;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.kindred.groups.GroupAccess;
import org.kindred.groups.GroupContext;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.ConflictException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.events.DomainEvent;
import org.kindred.platform.security.CurrentUser;
import org.kindred.platform.web.ETags;
import org.kindred.platform.web.Versioned;
import org.kindred.safety.api.KeywordRuleRequest;
import org.kindred.safety.api.KeywordRuleResponse;
import org.kindred.safety.events.KeywordRuleChanged;

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
    private final Event<DomainEvent> events;
    private final CurrentUser currentUser;
    private final Clock clock;

    public KeywordRuleService(KeywordRuleRepository rules, GroupAccess access, Event<DomainEvent> events,
            CurrentUser currentUser, Clock clock) {
        this.rules = rules;
        this.access = access;
        this.events = events;
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
        events.fire(new KeywordRuleChanged(context.groupId(), actor, rule.id(), KeywordRuleChanged.Change.ADDED,
                rule.phrase(), rule.action()));
        return toResponse(rule);
    }

    @Transactional
    public Versioned<KeywordRuleResponse> change(String groupRef, UUID ruleId, KeywordRule.Action action,
            String ifMatch) {
        GroupContext context = access.requireModerator(groupRef);
        KeywordRule rule = find(context, ruleId);
        ETags.requireMatch(ifMatch, rule.version());
        if (rule.action() != action) {
            rule.changeAction(action);
            events.fire(new KeywordRuleChanged(context.groupId(), currentUser.requireAccountId(), rule.id(),
                    KeywordRuleChanged.Change.CHANGED, rule.phrase(), action));
        }
        rules.flush();
        return Versioned.of(toResponse(rule), rule.version());
    }

    @Transactional
    public void remove(String groupRef, UUID ruleId) {
        GroupContext context = access.requireModerator(groupRef);
        KeywordRule rule = find(context, ruleId);
        rules.delete(rule);
        events.fire(new KeywordRuleChanged(context.groupId(), currentUser.requireAccountId(), rule.id(),
                KeywordRuleChanged.Change.REMOVED, rule.phrase(), rule.action()));
    }

    private KeywordRule find(GroupContext context, UUID ruleId) {
        return rules.findByIdOptional(ruleId).filter(r -> r.groupId().equals(context.groupId()))
                .orElseThrow(() -> new NotFoundException("No such keyword rule in this group"));
    }

    private static KeywordRuleResponse toResponse(KeywordRule rule) {
        return new KeywordRuleResponse(rule.id(), rule.phrase(), rule.action(), rule.createdAt());
    }
}
