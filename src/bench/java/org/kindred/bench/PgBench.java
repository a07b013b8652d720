package org.kindred.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The yardstick: pgbench running a scenario's SQL (src/bench/pgbench) with the load generator's concurrency against
 * the same database (pinned to the load CPUs only when pinning is asked for). Latencies come from pgbench's
 * per-transaction log.
 */
final class PgBench {

    /** Transactions per second, latency percentiles in ms, and transactions that failed or clients that aborted. */
    record Result(double tps, double p50, double p99, long errors) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");
    private static final Pattern ABORTED = Pattern.compile("client \\d+ (?:script \\d+ )?aborted");

    private final BenchSettings settings;

    PgBench(BenchSettings settings) {
        this.settings = settings;
    }

    /**
     * One measured run of a script (a path under src/bench/pgbench), after a warm-up run of the same script when asked;
     * its logs are named after the script and the round.
     */
    Result run(String script, String database, Map<String, String> variables, Path directory, boolean warmUp,
            int round) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        String name = script.replace(".sql", "").replace('/', '-') + "-round-" + round;
        Path scriptFile = settings.basedir().resolve("src/bench/pgbench").resolve(script);
        if (warmUp) {
            run(scriptFile, database, variables, settings.warmUp().toSeconds(), null,
                    directory.resolve(name + "-warm-up.log"));
        }
        Path log = directory.resolve(name + ".log");
        String output = run(scriptFile, database, variables, settings.duration().toSeconds(),
                directory.resolve(name + "-tx"), log);
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps for " + script + ":\n" + Processes.tail(log, 30));
        }
        Matcher failed = FAILED.matcher(output);
        long errors = (failed.find() ? Long.parseLong(failed.group(1)) : 0) + ABORTED.matcher(output).results().count();
        long[] latencies = latencies(directory, name + "-tx");
        return new Result(Double.parseDouble(tps.group(1)), percentile(latencies, 50), percentile(latencies, 99),
                errors);
    }

    private String run(Path script, String database, Map<String, String> variables, long seconds, Path logPrefix,
            Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(settings.pgbench(), "-h", settings.dbHost(), "-p",
                settings.dbPort(), "-U", settings.dbUser(), "-n", "-M", "prepared", "-c",
                Integer.toString(settings.users()), "-j", "2", "-T", Long.toString(seconds), "-f", script.toString()));
        variables.forEach((k, v) -> command.addAll(List.of("-D", k + "=" + v)));
        if (logPrefix != null) {
            command.addAll(List.of("-l", "--log-prefix=" + logPrefix));
        }
        command.add(database);
        Map<String, String> env = new LinkedHashMap<>();
        if (!settings.dbPassword().isEmpty()) {
            env.put("PGPASSWORD", settings.dbPassword());
        }
        Files.deleteIfExists(log);
        Processes.run(Processes.pinned(settings.loadCpus(), command), env, log, seconds + 300);
        return Files.readString(log);
    }

    /** Latencies (µs) of every transaction in pgbench's logs: "client tx latency script epoch µs". */
    private static long[] latencies(Path directory, String prefix) throws IOException {
        List<Path> logs;
        try (Stream<Path> files = Files.list(directory)) {
            logs = files.filter(p -> p.getFileName().toString().startsWith(prefix + ".")).toList();
        }
        List<Long> values = new ArrayList<>();
        for (Path log : logs) {
            try (Stream<String> lines = Files.lines(log)) {
                lines.map(line -> line.split(" "))
                        .filter(f -> f.length >= 3 && f[2].chars().allMatch(Character::isDigit))
                        .forEach(f -> values.add(Long.parseLong(f[2])));
            }
            Files.delete(log); // one line per transaction: large, and summarised in the results
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double percentile(long[] sortedMicros, double percentile) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(index, sortedMicros.length - 1))] / 1000.0;
    }
}
