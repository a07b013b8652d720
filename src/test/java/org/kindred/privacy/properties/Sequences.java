package org.kindred.privacy.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.engine.SourceOfRandomness;

/**
 * Runs a property over random action sequences drawn from jqwik generators, inside a {@code @QuarkusTest}: jqwik's own
 * engine cannot start Quarkus (its test extension is JUnit Jupiter's), so this small runner draws the samples with
 * jqwik's source of randomness, seeded per try, and shrinks a failing sequence by dropping steps.
 * <p>
 * Knobs: {@code -Djqwik.tries=N} (tries per property; each property has a small default so the normal suite stays
 * fast) and {@code -Dkindred.properties.seed=S} (try {@code i} uses seed {@code S + i}; a failure prints the seed of its
 * try, and {@code -Dkindred.properties.seed=<that seed> -Djqwik.tries=1} replays it).
 */
final class Sequences {

    static final long DEFAULT_SEED = 20261205L;
    private static final int SHRINK_RUNS = Integer.getInteger("kindred.properties.shrink-runs", 12);

    private Sequences() {
    }

    static long seed() {
        return Long.getLong("kindred.properties.seed", DEFAULT_SEED);
    }

    static int tries(int normalRun) {
        return Integer.getInteger("jqwik.tries", normalRun);
    }

    /** One sample per try, the same for the same seed. */
    static <T> T sample(Arbitrary<T> arbitrary, long seed) {
        SourceOfRandomness.create(Long.toString(seed));
        return arbitrary.sample();
    }

    /**
     * Checks {@code property} on {@code tries(normalRun)} samples; on a failure, drops steps while it still fails (at
     * most {@code kindred.properties.shrink-runs} reruns) and reports the seed, the smallest failing sequence and the
     * failure.
     */
    static <S> void check(String name, int normalRun, Arbitrary<List<S>> sequences, Consumer<List<S>> property) {
        check(name, normalRun, net.jqwik.api.Arbitraries.just(""), sequences, (setup, steps) -> property.accept(steps));
    }

    /** The same, with a setting drawn once per try (kept while shrinking) and given to the property with the steps. */
    static <T, S> void check(String name, int normalRun, Arbitrary<T> settings, Arbitrary<List<S>> sequences,
            BiConsumer<T, List<S>> check) {
        long base = seed();
        int tries = tries(normalRun);
        for (int i = 0; i < tries; i++) {
            long seed = base + i;
            Tuple.Tuple2<T, List<S>> sample = sample(Combinators.combine(settings, sequences).as(Tuple::of), seed);
            T setting = sample.get1();
            List<S> steps = sample.get2();
            Consumer<List<S>> property = s -> check.accept(setting, s);
            AssertionError failure = failure(property, steps);
            if (failure != null) {
                List<S> smallest = shrink(property, steps);
                AssertionError smallestFailure = smallest == steps ? failure : failure(property, smallest);
                if (smallestFailure == null) { // a failure that does not repeat: report the original one
                    smallest = steps;
                    smallestFailure = failure;
                }
                AssertionError error = new AssertionError(
                        name + " failed on try " + i + " (replay: -Dkindred.properties.seed="
                                + seed + " -Djqwik.tries=1)\nsetting: " + setting + "\nsteps (" + steps.size() + "): "
                                + steps
                                + "\nsmallest failing ("
                                + smallest.size() + "): " + smallest + "\n" + smallestFailure.getMessage(),
                        smallestFailure);
                throw error;
            }
        }
        System.out.printf("%s: %d tries passed (seed %d)%n", name, tries, base);
    }

    private static <S> AssertionError failure(Consumer<List<S>> property, List<S> steps) {
        try {
            property.accept(steps);
            return null;
        } catch (AssertionError e) {
            return e;
        }
    }

    private static <S> List<S> shrink(Consumer<List<S>> property, List<S> failing) {
        List<S> smallest = failing;
        int runs = 0;
        boolean progress = true;
        while (progress && runs < SHRINK_RUNS) {
            progress = false;
            // Halves first, then single steps from the end: a sequence's failure usually needs few of its steps.
            for (int chunk = Math.max(1, smallest.size() / 2); chunk >= 1 && runs < SHRINK_RUNS; chunk /= 2) {
                for (int from = smallest.size() - chunk; from >= 0 && runs < SHRINK_RUNS; from -= chunk) {
                    List<S> candidate = new ArrayList<>(smallest.subList(0, from));
                    candidate.addAll(smallest.subList(from + chunk, smallest.size()));
                    runs++;
                    if (failure(property, candidate) != null) {
                        smallest = candidate;
                        progress = true;
                        break;
                    }
                }
                if (progress) {
                    break;
                }
            }
        }
        return smallest;
    }
}
