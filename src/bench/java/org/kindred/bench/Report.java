package org.kindred.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * target/benchmark/results.md: the results table (size, scenario, throughput, p50, p99, errors, ratio to pgbench), how
 * each scenario's cost grows with the data set, the targets (reported, never asserted), and what it ran on.
 * Rewritten after every size, so an interrupted run still leaves the sizes it finished.
 */
final class Report {

    /** One line of the table. {@code ratio} is the API's throughput over pgbench's for the same SQL, or NaN. */
    record Row(String size, int scenario, String name, double throughput, double p50, double p99, long errors,
            double ratio, boolean yardstick) {
    }

    /** What one size's data set and fixtures were, and how the machine was doing. */
    record SizeFacts(String size, String database, long posts, long threads, long replies, long reactions,
            long accounts, long groups, double generationSeconds, double loadAverage, Fixtures.Description fixtures) {
    }

    private final BenchSettings settings;
    private final Machine machine;
    private final OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
    private final List<Row> rows = new ArrayList<>();
    private final List<SizeFacts> sizes = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(BenchSettings settings, Machine machine) {
        this.settings = settings;
        this.machine = machine;
    }

    void add(Row row) {
        rows.add(row);
    }

    /** Replaces a row once its ratio is known. */
    void replace(Row old, Row updated) {
        rows.set(rows.lastIndexOf(old), updated);
    }

    void add(SizeFacts facts) {
        sizes.add(facts);
    }

    void note(String note) {
        notes.add(note);
    }

    Path write() throws IOException {
        Path file = settings.output().resolve("results.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown());
        return file;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Kindred benchmark results\n\n");
        boolean development = settings.duration().toSeconds() < 20 || settings.duration().toSeconds() > 60;
        if (development) {
            md.append("**Development run**: ").append(settings.duration().toSeconds())
                    .append(" s per scenario, outside the 20–60 s the issue asks for; the numbers show the harness "
                            + "works, not how fast Kindred is.\n\n");
        }
        md.append("Run of ").append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(" by `./mvnw -Pbench verify`: ").append(settings.users()).append(" concurrent users; after a ")
                .append(settings.serverWarmUp().toSeconds()).append(" s warm-up of the server on the read scenarios, ")
                .append(settings.warmUp().toSeconds()).append(" s warm-up then ")
                .append(settings.duration().toSeconds())
                .append(" s measured per scenario, ").append(settings.tokens())
                .append(" signed-in readers, sign-ins at ")
                .append(number(settings.loginsPerSecond())).append("/s in scenario 6.\n\n");
        md.append(table());
        md.append("""

                Throughput counts successful responses per second of the measured period (scenario 3: page views of two
                requests each). p50 and p99 are Gatling's response times (whole milliseconds), or pgbench's transaction
                latencies. Errors are failed requests (non-expected status) or failed pgbench transactions. The ratio is
                the API's throughput over pgbench's for the same statements at the same concurrency (pgbench rows:
                the SQL of that scenario, run directly).
                """);
        md.append(growth());
        md.append(targets());
        md.append(run());
        return md.toString();
    }

    private String table() {
        StringBuilder md = new StringBuilder(
                "| Size | Scenario | Throughput (req/s) | p50 (ms) | p99 (ms) | Errors | Ratio to pgbench |\n"
                        + "|---|---|---:|---:|---:|---:|---:|\n");
        List<String> order = sizes.stream().map(SizeFacts::size).toList();
        List<Row> sorted = new ArrayList<>(rows); // by size, then scenario; a scenario's pgbench row after its own
        sorted.sort(Comparator.comparingInt((Row r) -> order.indexOf(r.size())).thenComparingInt(Row::scenario));
        for (Row row : sorted) {
            md.append("| ").append(row.size()).append(" | ").append(row.name()).append(" | ")
                    .append(number(row.throughput())).append(" | ").append(number(row.p50())).append(" | ")
                    .append(number(row.p99())).append(" | ").append(row.errors() < 0 ? "run failed" : row.errors())
                    .append(" | ").append(Double.isNaN(row.ratio()) ? "—" : percent(row.ratio())).append(" |\n");
        }
        return md.toString();
    }

    private String growth() {
        List<String> labels = sizes.stream().map(SizeFacts::size).toList();
        if (labels.size() < 2) {
            return "";
        }
        Map<String, Map<String, Row>> byName = new LinkedHashMap<>();
        List<Row> byScenario = new ArrayList<>(rows);
        byScenario.sort(Comparator.comparingInt(Row::scenario));
        for (Row row : byScenario) {
            byName.computeIfAbsent(row.name(), k -> new LinkedHashMap<>()).put(row.size(), row);
        }
        StringBuilder md = new StringBuilder("\n## How cost grows with the data set\n\nThroughput in req/s (p99 in ms) "
                + "per size; the last column is the largest size's throughput over the smallest's.\n\n| Scenario |");
        labels.forEach(l -> md.append(' ').append(l).append(" |"));
        md.append(' ').append(labels.get(labels.size() - 1)).append(" / ").append(labels.get(0)).append(" |\n|---|");
        labels.forEach(l -> md.append("---:|"));
        md.append("---:|\n");
        byName.forEach((name, bySize) -> {
            md.append("| ").append(name).append(" |");
            for (String label : labels) {
                Row row = bySize.get(label);
                md.append(' ').append(row == null ? "—" : number(row.throughput()) + " (" + number(row.p99()) + ")")
                        .append(" |");
            }
            Row first = bySize.get(labels.get(0));
            Row last = bySize.get(labels.get(labels.size() - 1));
            md.append(' ').append(first == null || last == null ? "—" : percent(last.throughput() / first.throughput()))
                    .append(" |\n");
        });
        return md.toString();
    }

    private String targets() {
        StringBuilder md = new StringBuilder("\n## Targets (reported, not asserted)\n\nThe issue's targets, for a "
                + "2-core machine (this one has " + machine.cpus() + " CPUs).\n\n");
        List<Row> feed = rows.stream().filter(r -> r.scenario() == 1 && !r.yardstick()).toList();
        for (Row row : feed) {
            md.append("- ").append(row.size()).append(", feed page 1: ").append(percent(row.ratio()))
                    .append(" of pgbench's rate (target ≥ 60%: ").append(mark(row.ratio() >= 0.6)).append("), p99 ")
                    .append(number(row.p99())).append(" ms at ").append(settings.users())
                    .append(" users (target ≤ 50 ms: ")
                    .append(mark(row.p99() <= 50)).append(")\n");
        }
        long errors = rows.stream().mapToLong(Row::errors).filter(e -> e > 0).sum();
        long failedRuns = rows.stream().filter(r -> r.errors() < 0).count();
        md.append("- Errors, all scenarios and sizes: ").append(errors)
                .append(failedRuns > 0 ? " and " + failedRuns + " runs that failed" : "").append(" (target 0: ")
                .append(mark(errors == 0 && failedRuns == 0)).append(")\n");
        if (feed.size() >= 2) {
            Row first = feed.get(0);
            Row last = feed.get(feed.size() - 1);
            double change = last.throughput() / first.throughput();
            md.append("- Feed page 1 throughput at ").append(last.size()).append(" over ").append(first.size())
                    .append(": ").append(percent(change)).append(" (target within ±15%: ")
                    .append(mark(Math.abs(change - 1) <= 0.15)).append(")\n");
        }
        return md.toString();
    }

    private String run() {
        StringBuilder md = new StringBuilder("\n## What it ran on\n\n");
        md.append("- CPU: ").append(machine.cpu()).append(", ").append(machine.cpus()).append(" CPUs; memory ")
                .append(machine.memory()).append("; ").append(machine.os()).append('\n');
        md.append("- ").append(machine.java()).append("; ").append(machine.postgres()).append("; ")
                .append(machine.pgbench()).append('\n');
        md.append("- Pinning: ").append(machine.pinning()).append('\n');
        md.append("- Load generator: Gatling 3.15.1 (gatling-maven-plugin 4.21.12), closed loop of ")
                .append(settings.users()).append(" users each on one keep-alive connection; pgbench -c ")
                .append(settings.users()).append(" -j 2 -M prepared\n");
        for (SizeFacts s : sizes) {
            Fixtures.Description f = s.fixtures();
            md.append("- ").append(s.size()).append(" (database `").append(s.database()).append("`): ")
                    .append(s.posts()).append(" posts (").append(s.threads()).append(" threads, ").append(s.replies())
                    .append(" replies), ").append(s.reactions()).append(" reactions, ").append(s.accounts())
                    .append(" accounts, ").append(s.groups()).append(" groups, generated in ")
                    .append(String.format(Locale.ROOT, "%.0f", s.generationSeconds())).append(" s. ")
                    .append(f.readers()).append(" signed-in readers; feed page 1 over ").append(f.fullGroups())
                    .append(" groups with a full first page; deep pages at a mean depth of ")
                    .append(String.format(Locale.ROOT, "%.0f", f.meanDepth())).append(" threads in ")
                    .append(f.deepGroups())
                    .append(" groups; thread pages over the ").append(f.busyThreads())
                    .append(" busiest threads, ").append(String.format(Locale.ROOT, "%.1f", f.meanRepliesShown()))
                    .append(" replies shown on average; ").append(f.replyPairs())
                    .append(" readers replying. Load average "
                            + "before the scenarios: ")
                    .append(s.loadAverage()).append(".\n");
        }
        md.append(
                "- Gatling HTML reports: `target/benchmark/<size>/gatling/<scenario>/index.html`; logs next to them\n");
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        return md.toString();
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return value >= 100 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio)
                ? "—"
                : String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    private static String mark(boolean met) {
        return met ? "met" : "**not met**";
    }
}
