package org.kindred.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.kindred.bench.BenchSettings.DataSize;

/**
 * The benchmark (README "Performance"), run by {@code ./mvnw -Pbench verify} after the application is packaged: for
 * each data set size, from an empty database, the six scenarios with Gatling against the packaged server, and the same
 * SQL with pgbench as the yardstick; then target/benchmark/results.md.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Files.createDirectories(settings.output());
        Machine machine = Machine.describe(settings);
        log("Kindred benchmark: sizes " + settings.sizes().stream().map(DataSize::label).toList() + ", scenarios "
                + settings.scenarios() + ", " + settings.users() + " users, " + settings.serverWarmUp().toSeconds()
                + " s server warm-up, then " + settings.warmUp().toSeconds() + " s warm-up + "
                + settings.duration().toSeconds() + " s per scenario");
        log("pinning: " + machine.pinning());
        log("about " + estimatedMinutes(settings) + " min plus data generation");
        GatlingRun gatling = new GatlingRun(settings);
        log("compiling the simulations (src/bench/pom.xml)");
        gatling.compile(settings.output().resolve("simulations-compile.log"));
        Report report = new Report(settings, machine);
        for (DataSize size : settings.sizes()) {
            new SizeRun(settings, size, gatling, report).run();
            Path results = report.write();
            log("results so far: " + results);
        }
        System.out.println();
        System.out.println(report.markdown());
        log("written to " + settings.output().resolve("results.md"));
    }

    /** Server start, sign-ins and each scenario's warm-up, measurement and Maven start, per size. */
    private static long estimatedMinutes(BenchSettings settings) {
        long gatlingRuns = settings.scenarios().stream().mapToLong(s -> s == 5 ? 2 : 1).sum();
        long pgbenchRuns = settings.scenarios().stream().filter(s -> s == 1 || s == 3 || s == 4).count();
        long perScenario = settings.warmUp().toSeconds() + settings.duration().toSeconds();
        long perSize = 40 + settings.tokens() / 20 + settings.serverWarmUp().toSeconds() + 15
                + gatlingRuns * (perScenario + 15) + pgbenchRuns * (perScenario + 2);
        return Math.round(perSize * settings.sizes().size() / 60.0);
    }

    static void log(String message) {
        System.out.println(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " bench: " + message);
    }
}
