package org.kindred.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the results were measured on, for the report: hardware, software and how the processes were pinned. */
record Machine(String cpu, int cpus, String memory, String os, String java, String postgres, String pgbench,
        String pinning, String postgresSettings) {

    /** {@code embedded}: the benchmark started this PostgreSQL itself (else {@code bench.jdbcUrl} names it). */
    static Machine describe(BenchSettings settings, boolean embedded)
            throws SQLException, IOException, InterruptedException {
        String postgres;
        String postgresSettings;
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl("postgres"), settings.dbUser(),
                settings.dbPassword())) {
            postgres = Fixtures.text(c, "SELECT version()").replaceAll(" on .*", "") + " ("
                    + (embedded ? "started by the benchmark" : "the server bench.jdbcUrl names")
                    + "; shared_buffers " + Fixtures.text(c, "SHOW shared_buffers") + ", effective_cache_size "
                    + Fixtures.text(c, "SHOW effective_cache_size") + ", max_connections "
                    + Fixtures.text(c, "SHOW max_connections") + ")";
            postgresSettings = String.join(", ", Fixtures.strings(c, NON_DEFAULT_SETTINGS));
        }
        Path log = settings.output().resolve("pgbench-version.log");
        Files.deleteIfExists(log);
        Processes.run(List.of(settings.pgbench(), "--version"), Map.of(), log, 30);
        String pinning;
        if (settings.serverCpus().isBlank() && settings.loadCpus().isBlank()) {
            pinning = "not pinned (the default): the server, the load generator and PostgreSQL share all CPUs, as "
                    + "pgbench and PostgreSQL do when they run the yardstick";
        } else if (!Processes.canPin()) {
            pinning = "not pinned (taskset missing or fewer than 2 CPUs): server, load generator and PostgreSQL share "
                    + "all CPUs";
        } else {
            pinning = "API server on CPU " + settings.serverCpus() + " (taskset -c " + settings.serverCpus()
                    + "); Gatling (Maven and the JVM it forks) and pgbench on CPU " + settings.loadCpus()
                    + " (taskset -c " + settings.loadCpus() + "); PostgreSQL not pinned: its backends run on any CPU";
        }
        return new Machine(firstLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
                Runtime.getRuntime().availableProcessors(),
                firstLine("/proc/meminfo", "MemTotal").map(Machine::gib).orElse("?"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                postgres, Files.readString(log).strip(), pinning, postgresSettings);
    }

    /** Every server setting not at its built-in default, as PostgreSQL reports it (SHOW), for results.md. */
    private static final String NON_DEFAULT_SETTINGS = """
            SELECT name || ' = ' || setting || COALESCE(' ' || NULLIF(unit, ''), '') FROM pg_settings
            WHERE source NOT IN ('default', 'override', 'client', 'session') ORDER BY name""";

    /** The 1-minute load average now: other work on a shared machine shows here. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static Optional<String> firstLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String gib(String memTotal) {
        long kib = Long.parseLong(memTotal.replaceAll("\\D", ""));
        return String.format("%.0f GiB", kib / 1024.0 / 1024.0);
    }
}
