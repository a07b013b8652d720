package org.kindred.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import org.kindred.bench.BenchSettings.DataSize;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The benchmark (README "Performance"), run by {@code ./mvnw -Pbench verify} after the application is packaged: on a
 * PostgreSQL it starts sized for the data (or the server {@code bench.jdbcUrl} names), for each data set size, from an
 * empty database, the six scenarios with Gatling against the packaged server and, in alternating rounds, the same SQL
 * with pgbench as the yardstick; then target/benchmark/results.md.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings configured = BenchSettings.fromSystemProperties();
        Files.createDirectories(configured.output());
        if (!configured.embeddedPostgres()) {
            run(configured, false);
            return;
        }
        try (EmbeddedPostgres postgres = startPostgres(configured)) {
            run(configured.withServer("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/", "postgres"), true);
        }
    }

    /**
     * PostgreSQL for the run, sized for the working set: the 1M data set and its indexes fit in shared buffers, so
     * neither the API nor pgbench reads from the kernel's page cache (the default 128 MB would make the yardstick
     * slow down with size and flatter the ratio). Its data directory is under target/benchmark, removed at the end.
     */
    private static EmbeddedPostgres startPostgres(BenchSettings settings) throws IOException {
        Path data = settings.output().resolve("pgdata");
        GatlingRun.deleteRecursively(data);
        log("starting PostgreSQL (shared_buffers " + settings.pgSharedBuffers() + ") in " + data);
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", settings.pgSharedBuffers())
                .setServerConfig("effective_cache_size", "12GB").setServerConfig("max_connections", "200")
                .setServerConfig("max_wal_size", "8GB").setServerConfig("checkpoint_timeout", "30min")
                .setServerConfig("maintenance_work_mem", "512MB").setServerConfig("work_mem", "8MB")
                .setServerConfig("jit", "off")
                .setPGStartupWait(Duration.ofMinutes(2)).start();
    }

    private static void run(BenchSettings settings, boolean embedded) throws Exception {
        Machine machine = Machine.describe(settings, embedded);
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
        long gatlingRuns = settings.scenarios().stream()
                .mapToLong(s -> s == 5 ? 2 : s == 1 || s == 3 || s == 4 ? settings.rounds() : 1).sum();
        long pgbenchRuns = settings.scenarios().stream()
                .mapToLong(s -> s == 1 ? 3L * settings.rounds() : s == 3 || s == 4 ? settings.rounds() : 0).sum();
        long perScenario = settings.warmUp().toSeconds() + settings.duration().toSeconds();
        long perSize = 40 + settings.tokens() / 20 + settings.serverWarmUp().toSeconds() + 15
                + gatlingRuns * (perScenario + 15) + pgbenchRuns * (settings.duration().toSeconds() + 2)
                + 5 * settings.warmUp().toSeconds();
        return Math.round(perSize * settings.sizes().size() / 60.0);
    }

    static void log(String message) {
        System.out.println(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " bench: " + message);
    }
}
