package org.kindred.privacy.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * I1 by differential testing: two worlds, identical except which member wrote one anonymous post, run the same random
 * steps; every member who is neither candidate author (nor a moderator), and a caller without an account, must observe
 * exactly the same in both — each step's status and every read endpoint afterwards, field by field.
 * <p>
 * The two candidates never touch the anonymous post themselves (an author cannot report their own post, and their
 * replies to it are anonymous, so those differences are the author's own doing). Reports of the post may be resolved with
 * every action (a ban or suspension is refused in both worlds), and either candidate may erase their account with or
 * without {@code removeContent} (the anonymous post is removed later, at a random moment, never at the erasure).
 */
@QuarkusTest
class AnonymityPropertiesTest {

    static Arbitrary<List<Step>> scenarios() {
        Arbitrary<int[]> candidates = Arbitraries.integers().between(0, World.MEMBERS - 1).list().ofSize(2)
                .uniqueElements().map(l -> new int[]{l.get(0), l.get(1)});
        return Combinators.combine(Step.sequences(6, 18, true), Arbitraries.integers().between(0, 6), candidates,
                Arbitraries.of(false, false, true)).as((steps, at, ab, priv) -> {
                    List<Step> scenario = new ArrayList<>(steps);
                    scenario.add(Math.min(at, scenario.size()), new Step.Secret(ab[0], ab[1], priv));
                    return scenario;
                });
    }

    @Test
    void anAnonymousPostLooksTheSameWhoeverWroteIt() {
        Sequences.check("I1 anonymity", 3, scenarios(), AnonymityPropertiesTest::sameForEveryObserver);
    }

    /**
     * The routes that once named an author (issue 14 item 6, and erasure), run through the same differential check
     * every time, whatever the random sequences happen to try: a report of the anonymous post resolved with a ban or a
     * suspension, and a candidate's erasure with {@code removeContent}.
     */
    @Test
    void theRoutesThatOnceNamedAnAuthorStayClosed() {
        Step.Secret secret = new Step.Secret(0, 1, false);
        sameForEveryObserver(List.of(secret, new Step.ReportPost(2, 0, "HATE"),
                new Step.Resolve(Step.MODERATOR, 0, "BAN_MEMBER")));
        sameForEveryObserver(List.of(secret, new Step.ReportPost(2, 0, "HARASSMENT"),
                new Step.Resolve(Step.ADMIN, 0, "SUSPEND_ACCOUNT")));
        sameForEveryObserver(List.of(secret, new Step.Erase(0, true)));
    }

    /**
     * Issue 14 item 1, on every run: an observer blocks a candidate author, then a candidate blocks the observer (the
     * mirror), then both are lifted; whatever the block, the anonymous post must behave the same for the observer.
     */
    @Test
    void blocksInEitherDirectionNeverTellWhoWroteIt() {
        Step.Secret secret = new Step.Secret(0, 1, false);
        sameForEveryObserver(List.of(secret, new Step.Block(2, 0), new Step.Block(3, 1)));
        sameForEveryObserver(List.of(secret, new Step.Block(0, 2), new Step.Block(1, 3)));
        sameForEveryObserver(List.of(secret, new Step.Block(2, 0), new Step.React(2, 0), new Step.Reply(2, 0, false),
                new Step.ReportPost(2, 0, "HATE")));
    }

    static void sameForEveryObserver(List<Step> steps) {
        Step.Secret secret = steps.stream().filter(Step.Secret.class::isInstance).map(Step.Secret.class::cast)
                .findFirst().orElse(null);
        if (secret == null) {
            return;
        }
        String visibility = secret.privateGroup() ? "PRIVATE" : "PUBLIC";
        World[] worlds = {World.create(visibility, new HandsOff(secret)),
                World.create(visibility, new HandsOff(secret))};
        worlds[1].side = 1;
        for (World world : worlds) {
            world.run(steps);
        }
        Set<Integer> candidates = Set.of(secret.a(), secret.b());
        List<Integer> observers = new ArrayList<>();
        for (int i = 0; i < World.MEMBERS; i++) {
            if (!candidates.contains(i)) {
                observers.add(i);
            }
        }
        observers.add(Views.NOBODY);
        for (int observer : observers) {
            assertEquals(ownSteps(worlds[0], observer), ownSteps(worlds[1], observer),
                    "what observer " + observer + " was answered differs between author " + secret.a() + " and "
                            + secret.b());
            Map<String, String> one = Views.of(worlds[0], observer);
            Map<String, String> other = Views.of(worlds[1], observer);
            for (String endpoint : one.keySet()) {
                assertEquals(one.get(endpoint), other.get(endpoint),
                        "observer " + (observer == Views.NOBODY ? "without account" : World.role(observer))
                                + " sees GET " + endpoint + " differently when " + World.role(secret.a())
                                + " rather than " + World.role(secret.b()) + " wrote the anonymous post");
            }
        }
        // After the comparison: I6 lets the deferred removal of anonymous posts happen, at a moment of its own.
        for (World world : worlds) {
            Invariants.check(world); // I2, I4-I6 hold in both worlds too
        }
    }

    private static List<String> ownSteps(World world, int observer) {
        return world.transcript.stream().filter(answer -> answer.actor() == observer)
                .map(answer -> Views.normalise(world, answer.line())).toList();
    }

    /** Same rules in both worlds: the candidates keep their hands off the anonymous post and its thread. */
    record HandsOff(Step.Secret secret) implements World.Rules {
        @Override
        public boolean skip(World world, Step step) {
            int actor = step.actor();
            // A pile-on is by the first three members who did not write the post: different people in the two worlds.
            boolean pileOn = step instanceof Step.PileOn;
            if (!pileOn && actor != secret.a() && actor != secret.b() || world.secret == null || step.post() < 0) {
                return false;
            }
            int post = step.post();
            return world.post(post) != null && world.post(post).threadOrSelf().equals(world.secret.id());
        }
    }
}
