package org.kindred.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's knobs, from {@code -Dbench.*} system properties. The Maven profile passes each one with the issue's
 * defaults (see the {@code bench} profile in pom.xml); the same defaults apply when the class is run directly.
 */
record BenchSettings(List<DataSize> sizes, int groups, int accounts, int users, Duration serverWarmUp,
        Duration warmUp, Duration duration,
        int tokens, double loginsPerSecond, String serverUrl, String dbUser, String dbPassword, String databasePrefix,
        int port, String serverCpus, String loadCpus, List<String> serverJvmArgs, String pgbench, Path basedir,
        Path output, boolean mavenOffline, Set<Integer> scenarios, int rounds, String pgSharedBuffers) {

    /** One data set size: a label for tables and database names, and the number of posts. */
    record DataSize(String label, int posts) {

        private static final Pattern SIZE = Pattern.compile("(\\d+)([kKmM]?)");

        static DataSize parse(String text) {
            Matcher m = SIZE.matcher(text.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("bench.sizes: '" + text + "' is not a size like 10k, 100k or 1M");
            }
            int factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "k" -> 1_000;
                case "m" -> 1_000_000;
                default -> 1;
            };
            return new DataSize(m.group(1) + m.group(2).toLowerCase(Locale.ROOT).replace("m", "M"),
                    Math.multiplyExact(Integer.parseInt(m.group(1)), factor));
        }
    }

    static BenchSettings fromSystemProperties() {
        Path basedir = Path.of(get("bench.basedir", ".")).toAbsolutePath().normalize();
        String serverUrl = get("bench.jdbcUrl", "").strip();
        if (!serverUrl.isEmpty() && !serverUrl.endsWith("/")) {
            serverUrl = serverUrl + "/";
        }
        if (Boolean.parseBoolean(get("bench.quick", "false"))) {
            quick();
        }
        return new BenchSettings(
                Arrays.stream(get("bench.sizes", "10k,100k,1M").split(",")).map(DataSize::parse).toList(),
                Integer.parseInt(get("bench.groups", "1000")), Integer.parseInt(get("bench.accounts", "100000")),
                Integer.parseInt(get("bench.users", "32")),
                Duration.ofSeconds(Long.parseLong(get("bench.serverWarmUp", "60"))),
                Duration.ofSeconds(Long.parseLong(get("bench.warmUp", "10"))),
                Duration.ofSeconds(Long.parseLong(get("bench.duration", "30"))),
                Integer.parseInt(get("bench.tokens", "1000")),
                Double.parseDouble(get("bench.loginsPerSecond", "4")), serverUrl, get("bench.dbUser", "postgres"),
                get("bench.dbPassword", ""), get("bench.database", "kindred_bench"),
                Integer.parseInt(get("bench.port", "8089")), get("bench.serverCpus", ""), get("bench.loadCpus", ""),
                Arrays.stream(get("bench.serverJvmArgs", "").split("\\s+")).filter(s -> !s.isBlank()).toList(),
                get("bench.pgbench", "/usr/lib/postgresql/15/bin/pgbench"), basedir,
                basedir.resolve(get("bench.output", "target/benchmark")),
                Boolean.parseBoolean(get("bench.mavenOffline", "false")),
                scenarios(get("bench.scenarios", "1,2,3,4,5,6")),
                Math.max(1, Integer.parseInt(get("bench.rounds", "3"))), get("bench.pgSharedBuffers", "4GB"));
    }

    /**
     * {@code -Dbench.quick}: a development run of a few minutes, 10k posts, one round, 10 s measured after 3 s of
     * warm-up, a 10 s server warm-up and 100 readers, whatever the other properties say (the profile passes them all).
     */
    private static void quick() {
        System.setProperty("bench.sizes", "10k");
        System.setProperty("bench.rounds", "1");
        System.setProperty("bench.duration", "10");
        System.setProperty("bench.warmUp", "3");
        System.setProperty("bench.serverWarmUp", "10");
        System.setProperty("bench.tokens", "100");
    }

    /** Whether the benchmark starts its own PostgreSQL (no {@code bench.jdbcUrl} given). */
    boolean embeddedPostgres() {
        return serverUrl.isEmpty();
    }

    /** The same settings against the server at this URL (the embedded PostgreSQL once it runs). */
    BenchSettings withServer(String url, String user) {
        return new BenchSettings(sizes, groups, accounts, users, serverWarmUp, warmUp, duration, tokens,
                loginsPerSecond, url.endsWith("/") ? url : url + "/", user, "", databasePrefix, port, serverCpus,
                loadCpus, serverJvmArgs, pgbench, basedir, output, mavenOffline, scenarios, rounds, pgSharedBuffers);
    }

    /** The database of one size, e.g. kindred_bench_1m. */
    String database(DataSize size) {
        return databasePrefix + "_" + size.label().toLowerCase(Locale.ROOT);
    }

    String jdbcUrl(String database) {
        return serverUrl + database;
    }

    /** Host and port of the database server, for pgbench. */
    String dbHost() {
        return hostPort()[0];
    }

    String dbPort() {
        String[] hostPort = hostPort();
        return hostPort.length > 1 ? hostPort[1] : "5432";
    }

    private String[] hostPort() {
        Matcher m = Pattern.compile("jdbc:postgresql://([^/]+)/").matcher(serverUrl);
        if (!m.lookingAt()) {
            throw new IllegalArgumentException("bench.jdbcUrl must look like jdbc:postgresql://host:port/");
        }
        return m.group(1).split(":");
    }

    boolean runs(int scenario) {
        return scenarios.contains(scenario);
    }

    private static Set<Integer> scenarios(String list) {
        Set<Integer> set = new TreeSet<>();
        for (String s : list.split(",")) {
            if (!s.isBlank()) {
                set.add(Integer.parseInt(s.strip()));
            }
        }
        return set;
    }

    private static String get(String key, String fallback) {
        String value = System.getProperty(key);
        return value == null ? fallback : value;
    }
}
