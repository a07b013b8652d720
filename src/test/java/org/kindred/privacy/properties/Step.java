package org.kindred.privacy.properties;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * One thing a member of the cast does. Actors and targets are indexes into the cast ({@link World#MEMBERS} members,
 * then the moderator, the owner and a platform admin); posts and queue items are indexes taken modulo what exists when
 * the step runs, so every generated sequence can run.
 */
sealed interface Step {

    /** Who takes the step (an index into the cast; -1 for nobody in particular). */
    int actor();

    /** The post it is about (an index, taken modulo the posts that exist), or -1. */
    default int post() {
        return -1;
    }

    int MODERATOR = World.MEMBERS;
    int OWNER = World.MEMBERS + 1;
    int ADMIN = World.MEMBERS + 2;

    List<String> REASONS = List.of("HARASSMENT", "HATE", "SPAM", "PRIVACY", "OTHER", "WELLBEING_CONCERN");
    List<String> ACTIONS = List.of("NONE", "HIDE_POST", "RESTORE_POST", "REMOVE_POST", "LOCK_THREAD", "WARN",
            "BAN_MEMBER", "SUSPEND_ACCOUNT");

    /**
     * I1's anonymous post: written by member {@code a} in one differential world and by member {@code b} in the other,
     * everything else the same.
     */
    record Secret(int a, int b, boolean privateGroup) implements Step {
        @Override
        public int actor() {
            return -1;
        }

        int authorIn(World world) {
            return world.side == 0 ? a : b;
        }
    }

    /** A thread; urgent text is held for care by the safety check. */
    record Post(int actor, boolean anonymous, boolean urgent) implements Step {
    }

    record Reply(int actor, int post, boolean urgent) implements Step {
    }

    record React(int actor, int post) implements Step {
    }

    record Block(int actor, int target) implements Step {
    }

    record Unblock(int actor, int target) implements Step {
    }

    record ReportPost(int actor, int post, String reason) implements Step {
    }

    /** Three members (never the author) report the same post for the same reason: what a pile-on looks like. */
    record PileOn(int post, String reason) implements Step {
        @Override
        public int actor() {
            return -1;
        }
    }

    record ReportAccount(int actor, int target, String reason) implements Step {
    }

    /** A handler (moderator, owner or admin) resolves the {@code item}-th open item of the group's queue. */
    record Resolve(int handler, int item, String action) implements Step {
        @Override
        public int actor() {
            return handler;
        }
    }

    record Dismiss(int handler, int item) implements Step {
        @Override
        public int actor() {
            return handler;
        }
    }

    /** The author deletes their post, or a moderator removes it. */
    record Delete(int actor, int post) implements Step {
    }

    record Leave(int actor) implements Step {
    }

    record Rejoin(int actor) implements Step {
    }

    record Erase(int actor, boolean removeContent) implements Step {
    }

    /** Posts and reports mostly land on the first few posts, so reports pile up and threads grow. */
    static Arbitrary<Integer> posts() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(0, 2)),
                Tuple.of(1, Arbitraries.integers().between(0, 20)));
    }

    static Arbitrary<Integer> members() {
        return Arbitraries.integers().between(0, World.MEMBERS - 1);
    }

    /** Members and the moderator. */
    static Arbitrary<Integer> actors() {
        return Arbitraries.frequencyOf(Tuple.of(6, members()),
                Tuple.of(1, Arbitraries.just(MODERATOR)));
    }

    static Arbitrary<Integer> handlers() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(MODERATOR)),
                Tuple.of(3, Arbitraries.just(OWNER)), Tuple.of(1, Arbitraries.just(ADMIN)));
    }

    static Arbitrary<Step> any(boolean erasures) {
        Arbitrary<Integer> item = Arbitraries.integers().between(0, 3);
        Arbitrary<Step> post = Combinators.combine(actors(), Arbitraries.of(true, false),
                Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true))).as(Post::new);
        Arbitrary<Step> reply = Combinators.combine(actors(), posts(),
                Arbitraries.frequency(Tuple.of(5, false), Tuple.of(1, true))).as(Reply::new);
        Arbitrary<Step> react = Combinators.combine(actors(), posts()).as(React::new);
        Arbitrary<Step> block = Combinators.combine(actors(), actors()).as(Block::new);
        Arbitrary<Step> unblock = Combinators.combine(actors(), actors()).as(Unblock::new);
        Arbitrary<Step> reportPost = Combinators.combine(actors(), posts(), Arbitraries.of(REASONS))
                .as(ReportPost::new);
        Arbitrary<Step> reportAccount = Combinators.combine(actors(),
                Arbitraries.frequencyOf(Tuple.of(3, members()),
                        Tuple.of(1, Arbitraries.of(MODERATOR, OWNER))),
                Arbitraries.of(REASONS)).as(ReportAccount::new);
        Arbitrary<Step> resolve = Combinators.combine(handlers(), item, Arbitraries.of(ACTIONS)).as(Resolve::new);
        Arbitrary<Step> dismiss = Combinators.combine(handlers(), item).as(Dismiss::new);
        Arbitrary<Step> delete = Combinators.combine(Arbitraries.integers().between(0, MODERATOR), posts())
                .as(Delete::new);
        Arbitrary<Step> leave = members().map(Leave::new);
        Arbitrary<Step> rejoin = members().map(Rejoin::new);
        Arbitrary<Step> erase = Combinators.combine(members(), Arbitraries.of(true, false)).as(Erase::new);
        List<Tuple.Tuple2<Integer, Arbitrary<Step>>> steps = new ArrayList<>(List.of(Tuple.of(6, post),
                Tuple.of(4, reply), Tuple.of(2, react), Tuple.of(4, block), Tuple.of(1, unblock),
                Tuple.of(7, reportPost), Tuple.of(2, reportAccount), Tuple.of(6, resolve), Tuple.of(1, dismiss),
                Tuple.of(2, delete), Tuple.of(1, leave), Tuple.of(1, rejoin),
                Tuple.of(2, Combinators.combine(posts(), Arbitraries.of(REASONS)).as(PileOn::new))));
        if (erasures) {
            steps.add(Tuple.of(1, erase));
        }
        return Arbitraries.frequencyOf(steps);
    }

    static Arbitrary<List<Step>> sequences(int minSize, int maxSize, boolean erasures) {
        return any(erasures).list().ofMinSize(minSize).ofMaxSize(maxSize);
    }
}
