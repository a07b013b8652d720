package org.kindred.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Compares the mean duration of two kinds of request, the one wall-clock measurement the suite makes (issue 17:
 * "Timing does not differ either (measure it in a test: means within a few ms)").
 * <p>
 * The requests run in pairs, A and B started together on two threads (which is released first alternates from pair to
 * pair), so the drift of a busy machine, its bursts and pauses, and whatever work earlier requests left behind fall on
 * both sides alike; the first pairs warm the JIT, the connection pools and the caches and are not counted. The estimate is the mean of the paired differences
 * (A minus B), trimmed symmetrically: the {@value #TRIM_PERCENT} % lowest and the {@value #TRIM_PERCENT} % highest
 * differences are left out, so a garbage-collection pause or another process's burst on either side cannot swing it,
 * while a constant difference between A and B (what a leak looks like) shifts every difference and stays in full.
 * Pairs are added in batches until the standard error of that trimmed mean is under a quarter of the bound, up to a
 * maximum, so a loaded machine measures longer instead of failing; see {@link #bound} for a machine too loaded even
 * then.
 */
public final class PairedTiming {

    static final int TRIM_PERCENT = 10;
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "paired-timing");
        thread.setDaemon(true);
        return thread;
    });

    /** What was measured; {@link #toString()} prints it for the build log. */
    public record Result(String what, int pairs, double meanA, double meanB, double trimmedMeanDifference,
            double standardError) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%s: %d pairs, mean %.2f ms vs %.2f ms, trimmed mean of paired differences %.2f ms (SE %.2f ms)",
                    what, pairs, meanA, meanB, trimmedMeanDifference, standardError);
        }
    }

    private PairedTiming() {
    }

    /**
     * Runs {@code warmUp} uncounted pairs, then at least {@code minPairs} and at most {@code maxPairs} counted ones,
     * stopping once the standard error of the trimmed mean difference is below {@code boundMillis / 4}.
     */
    public static Result compare(String what, Runnable a, Runnable b, boolean together, int warmUp, int minPairs,
            int maxPairs, double boundMillis) {
        for (int i = 0; i < warmUp; i++) {
            pair(a, b, i, together);
        }
        List<double[]> pairs = new ArrayList<>();
        Result result;
        do {
            int batch = pairs.isEmpty() ? minPairs : Math.min(minPairs / 2, maxPairs - pairs.size());
            for (int i = 0; i < batch; i++) {
                pairs.add(pair(a, b, pairs.size(), together));
            }
            result = summarise(what, pairs);
        } while (result.standardError() > boundMillis / 4 && pairs.size() < maxPairs);
        return result;
    }

    /**
     * One pair's durations in milliseconds. {@code together}: both requests start at the same moment on two threads,
     * so a burst of another process or a garbage-collection pause slows both alike and cancels out of the difference
     * (right when both sides leave the same work behind them, such as a mail to send); which thread is released first
     * alternates. Otherwise one after the other, A first on even pairs and B first on odd ones, so work one side leaves
     * behind falls on each side equally often (right when only one side leaves work behind).
     */
    private static double[] pair(Runnable a, Runnable b, int index, boolean together) {
        if (!together) {
            double first = timed(index % 2 == 0 ? a : b);
            double second = timed(index % 2 == 0 ? b : a);
            return index % 2 == 0 ? new double[]{first, second} : new double[]{second, first};
        }
        CountDownLatch start = new CountDownLatch(1);
        Future<Double> timeA;
        Future<Double> timeB;
        if (index % 2 == 0) {
            timeA = THREADS.submit(() -> timedAfter(start, a));
            timeB = THREADS.submit(() -> timedAfter(start, b));
        } else {
            timeB = THREADS.submit(() -> timedAfter(start, b));
            timeA = THREADS.submit(() -> timedAfter(start, a));
        }
        start.countDown();
        try {
            return new double[]{timeA.get(), timeB.get()};
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double timedAfter(CountDownLatch start, Runnable request) throws InterruptedException {
        start.await();
        return timed(request);
    }

    private static double timed(Runnable request) {
        long started = System.nanoTime();
        request.run();
        return (System.nanoTime() - started) / 1_000_000.0;
    }

    /**
     * The bound a result must stay within: {@code boundMillis} whenever the machine lets the measurement resolve it
     * (standard error at most a third of it), else three standard errors, so a machine too busy to measure a few ms
     * (CI's two cores under other load: hundreds of ms per Argon2id request, tens of ms of noise) does not fail the
     * build by chance (p = 0.003 with no real difference), while a real leak such as a skipped hash (the whole cost of
     * a request's Argon2id, ~100 ms) is still far outside. The test prints which bound applied.
     */
    public static double bound(Result result, double boundMillis) {
        return Math.max(boundMillis, 3 * result.standardError());
    }

    static Result summarise(String what, List<double[]> pairs) {
        int n = pairs.size();
        double[] differences = pairs.stream().mapToDouble(p -> p[0] - p[1]).sorted().toArray();
        int cut = n * TRIM_PERCENT / 100;
        double sum = 0;
        for (int i = cut; i < n - cut; i++) {
            sum += differences[i];
        }
        double trimmedMean = sum / (n - 2 * cut);
        // Standard error of a trimmed mean: the winsorized standard deviation / ((1 - 2 * trim) * sqrt(n)).
        double low = differences[cut];
        double high = differences[n - 1 - cut];
        double winsorizedMean = 0;
        for (double d : differences) {
            winsorizedMean += Math.min(high, Math.max(low, d));
        }
        winsorizedMean /= n;
        double squares = 0;
        for (double d : differences) {
            double w = Math.min(high, Math.max(low, d)) - winsorizedMean;
            squares += w * w;
        }
        double winsorizedSd = Math.sqrt(squares / (n - 1));
        double standardError = winsorizedSd / ((1 - 2 * TRIM_PERCENT / 100.0) * Math.sqrt(n));
        double meanA = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double meanB = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        return new Result(what, n, meanA, meanB, trimmedMean, standardError);
    }
}
