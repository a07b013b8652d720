package org.kindred.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs one simulation of src/bench/pom.xml through the Gatling Maven plugin ({@code gatling:test}), pinned to the load
 * CPUs (Maven and the JVM Gatling forks inherit the affinity), and reads the statistics table of its HTML report,
 * which Gatling 3.15 no longer writes as JSON.
 */
final class GatlingRun {

    /** One line of the report's statistics table (times in ms, as Gatling reports them). */
    record Stats(long total, long ok, long ko, double p50, double p99, double mean) {
    }

    private static final Pattern ROW = Pattern.compile("<tr id=\"[^\"]*\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">(.*?)</span>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td class=\"value [^\"]*col-(\\d+)\">([^<]*)</td>");
    private static final Pattern HEADER = Pattern.compile("<th id=\"col-(\\d+)\"[^>]*><span>(?:<abbr[^>]*>)?([^<]*)<");

    private final BenchSettings settings;

    GatlingRun(BenchSettings settings) {
        this.settings = settings;
    }

    /** Compiles the simulations once, before any data is generated, so a broken simulation fails fast. */
    void compile(Path log) throws IOException, InterruptedException {
        int exit = Processes.run(maven(List.of("-q", "test-compile")), Map.of(), log, 1800);
        if (exit != 0) {
            throw new IllegalStateException("The simulations do not compile:\n" + Processes.tail(log, 40));
        }
    }

    /**
     * Runs the simulation with the given run properties and returns the report's statistics by request or group name;
     * the report is moved to {@code reportDirectory}.
     */
    Map<String, Stats> run(String simulation, Properties run, Path reportDirectory, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(reportDirectory.getParent());
        Path runFile = reportDirectory.getParent().resolve(reportDirectory.getFileName() + ".properties");
        try (var out = Files.newBufferedWriter(runFile)) {
            run.store(out, "Gatling run of " + simulation + " (read by BenchRun in the simulations)");
        }
        // Where src/bench/pom.xml has Gatling write (its build directory is the application's target/benchmark).
        Path results = settings.basedir().resolve("target/benchmark/simulations/gatling");
        long started = System.currentTimeMillis();
        List<String> command = maven(List.of("gatling:test",
                "-Dgatling.simulationClass=org.kindred.bench.simulations." + simulation,
                "-Dbench.run=" + runFile.toAbsolutePath()));
        long timeout = Long.parseLong(run.getProperty("serverWarmUpSeconds"))
                + Long.parseLong(run.getProperty("warmUpSeconds")) + Long.parseLong(run.getProperty("durationSeconds"))
                + 600;
        int exit = Processes.run(Processes.pinned(settings.loadCpus(), command), Map.of(), log, timeout);
        Path report = newestReport(results, simulation.toLowerCase(Locale.ROOT), started);
        if (report == null) {
            throw new IllegalStateException(simulation + " wrote no report (exit " + exit + "):\n"
                    + Processes.tail(log, 40));
        }
        deleteRecursively(reportDirectory);
        Files.move(report, reportDirectory);
        return statistics(Files.readString(reportDirectory.resolve("index.html")));
    }

    /** The statistics table of a Gatling HTML report, by row name (requests and groups). */
    static Map<String, Stats> statistics(String html) {
        Map<String, Integer> columns = new HashMap<>();
        Matcher header = HEADER.matcher(html);
        while (header.find()) {
            columns.put(header.group(2).strip(), Integer.parseInt(header.group(1)));
        }
        for (String needed : List.of("Total", "OK", "KO", "50th pct", "99th pct", "Mean")) {
            if (!columns.containsKey(needed)) {
                throw new IllegalStateException("The Gatling report has no '" + needed
                        + "' column; has the report format changed with a Gatling upgrade?");
            }
        }
        Map<String, Stats> stats = new HashMap<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(1));
            if (!name.find()) {
                continue;
            }
            Map<Integer, String> cells = new HashMap<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.put(Integer.parseInt(cell.group(1)), cell.group(2).strip());
            }
            if (cells.isEmpty()) {
                continue;
            }
            stats.put(unescape(name.group(1).strip()),
                    new Stats(count(cells.get(columns.get("Total"))), count(cells.get(columns.get("OK"))),
                            count(cells.get(columns.get("KO"))), millis(cells.get(columns.get("50th pct"))),
                            millis(cells.get(columns.get("99th pct"))), millis(cells.get(columns.get("Mean")))));
        }
        return stats;
    }

    private List<String> maven(List<String> goals) {
        String mvnw = settings.basedir().resolve("mvnw").toString();
        List<String> command = new ArrayList<>(List.of(mvnw, "-B"));
        if (settings.mavenOffline()) {
            command.add("-o");
        }
        command.addAll(List.of("-f", settings.basedir().resolve("src/bench/pom.xml").toString()));
        command.addAll(goals);
        return command;
    }

    private static Path newestReport(Path results, String prefix, long since) throws IOException {
        if (!Files.isDirectory(results)) {
            return null;
        }
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(p -> p.getFileName().toString().startsWith(prefix + "-"))
                    .filter(p -> Files.exists(p.resolve("index.html")))
                    .filter(p -> p.toFile().lastModified() >= since - 1000)
                    .max(Comparator.comparingLong(p -> p.toFile().lastModified())).orElse(null);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static long count(String cell) {
        return cell == null || cell.equals("-") ? 0 : Long.parseLong(cell.replace(",", ""));
    }

    private static double millis(String cell) {
        return cell == null || cell.equals("-") ? Double.NaN : Double.parseDouble(cell.replace(",", ""));
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }
}
