package org.kindred.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.kindred.bench.BenchSettings.DataSize;

/**
 * One data set size from an empty database: recreate the database, start the server (Flyway creates the schema),
 * generate the data, sign the readers in, then each scenario with Gatling and, for scenarios 1, 3 and 4, the same
 * SQL with pgbench. The write scenario runs last, so the reads measure the generated data set.
 */
final class SizeRun {

    static final String YARDSTICK_1 = "pgbench: the SQL of 1 as of 2026-12-06 (frozen yardstick)";
    static final String TODAY_1 = "pgbench: the SQL of 1 today";
    static final String BARE_1 = "pgbench: the bare latest-21 query";
    static final String YARDSTICK_3 = "pgbench: the SQL of 3 as of 2026-12-07 (frozen yardstick)";
    static final String TODAY_3 = "pgbench: the SQL of 3 today";
    static final String YARDSTICK_4 = "pgbench: the SQL of 4 as of 2026-12-07 (frozen yardstick)";
    static final String TODAY_4 = "pgbench: the SQL of 4 today";

    private final BenchSettings settings;
    private final DataSize size;
    private final GatlingRun gatling;
    private final PgBench pgbench;
    private final Report report;
    private final Path directory;
    private final String database;

    SizeRun(BenchSettings settings, DataSize size, GatlingRun gatling, Report report) {
        this.settings = settings;
        this.size = size;
        this.gatling = gatling;
        this.pgbench = new PgBench(settings);
        this.report = report;
        this.directory = settings.output().resolve(size.label());
        this.database = settings.database(size);
    }

    void run() throws Exception {
        GatlingRun.deleteRecursively(directory);
        recreateDatabase();
        log("starting the server on " + database);
        try (ApiServer server = ApiServer.start(settings, database, directory);
                Connection c = DriverManager.getConnection(settings.jdbcUrl(database), settings.dbUser(),
                        settings.dbPassword())) {
            log("generating " + size.posts() + " posts, " + settings.accounts() + " accounts, " + settings.groups()
                    + " groups");
            long started = System.nanoTime();
            DataGenerator.generate(c, new DataGenerator.Size(settings.groups(), settings.accounts(), size.posts()));
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM (ANALYZE) accounts, groups, memberships, posts, reactions"); // as autovacuum would
            }
            double generationSeconds = (System.nanoTime() - started) / 1e9;
            log(String.format("generated in %.0f s; signing in %d readers", generationSeconds, settings.tokens()));
            BenchApi api = new BenchApi(server.baseUrl());
            Fixtures fixtures = Fixtures.prepare(c, api, settings.tokens(), DataGenerator.PASSWORD);
            report.add(new Report.SizeFacts(size.label(), database,
                    Fixtures.count(c, "SELECT count(*) FROM posts"),
                    Fixtures.count(c, "SELECT count(*) FROM posts WHERE parent_id IS NULL"),
                    Fixtures.count(c, "SELECT count(*) FROM posts WHERE parent_id IS NOT NULL"),
                    Fixtures.count(c, "SELECT count(*) FROM reactions"),
                    Fixtures.count(c, "SELECT count(*) FROM accounts"),
                    Fixtures.count(c, "SELECT count(*) FROM groups"),
                    generationSeconds, Double.parseDouble(Machine.loadAverage().replace("?", "NaN")),
                    fixtures.description()));

            Scenarios scenarios = new Scenarios(server, api, fixtures);
            report.add(new Report.Plans(size.label(), Plans.explain(c, settings.basedir())));
            if (settings.serverWarmUp().toSeconds() > 0) {
                scenarios.warmUpServer();
            }
            if (settings.runs(1)) {
                scenarios.compared(1, "FeedFirstPageSimulation", "feed-first-page", "feed page 1",
                        "1. feed page 1 (20 threads with reactions)", fixtures.feedPairs(), Map.of(),
                        List.of(new Yardstick("frozen/feed-first-page.sql", YARDSTICK_1, true),
                                new Yardstick("feed-first-page.sql", TODAY_1, false),
                                new Yardstick("feed-bare.sql", BARE_1, false)));
            }
            if (settings.runs(2)) {
                scenarios.gatling(2, "FeedDeepPageSimulation", "feed-deep-page", "feed deep page",
                        "2. feed deep page via cursor");
            }
            if (settings.runs(3)) {
                scenarios.compared(3, "ThreadPageSimulation", "thread-page", "post with 20 replies",
                        "3. thread page: post + first 20 replies, one request", fixtures.threadPairs(), Map.of(),
                        List.of(new Yardstick("frozen/thread-page.sql", YARDSTICK_3, true),
                                new Yardstick("thread-page.sql", TODAY_3, false)));
            }
            if (settings.runs(5)) {
                scenarios.gatling(5, "ResourceFeedSimulation", "resource-feed", "resource feed",
                        "5. resource JSON Feed (200)");
                scenarios.gatling(5, "ResourceFeedNotModifiedSimulation", "resource-feed-304",
                        "resource feed, If-None-Match", "5. resource JSON Feed, If-None-Match (304)");
            }
            if (settings.runs(6)) {
                scenarios.loginsDuringReads();
            }
            if (settings.runs(4)) {
                scenarios.compared(4, "CreateReplySimulation", "create-reply", "create reply",
                        "4. create reply (Idempotency-Key)", fixtures.replyPairs(), null,
                        List.of(new Yardstick("frozen/create-reply.sql", YARDSTICK_4, true),
                                new Yardstick("create-reply.sql", TODAY_4, false)));
            }
            report.add(new Report.Memory(size.label(), CpuMeter.peakResidentMib(server.handle()),
                    String.join(" ", settings.serverJvmArgs())));
        }
        log("done; the database " + database + " is kept for inspection (the next run drops it)");
    }

    /** The scenarios of this size, sharing the server, the API client and the (refreshed) fixtures. */
    private final class Scenarios {

        private final ApiServer server;
        private final BenchApi api;
        private Fixtures fixtures;

        Scenarios(ApiServer server, BenchApi api, Fixtures fixtures) {
            this.server = server;
            this.api = api;
            this.fixtures = fixtures;
        }

        /** Runs a simulation once and adds the row of its measured request (or group). */
        void gatling(int number, String simulation, String slug, String measured, String label) throws Exception {
            Measured m = simulate(simulation, slug, measured);
            report.add(m == null
                    ? Report.Row.failed(size.label(), number, label, false)
                    : m.row(size.label(), number, label));
        }

        /**
         * The API and its yardsticks in alternating rounds (API, then each pgbench script, then the API again ...),
         * so a drift of the machine during the run touches both alike; the rows hold the medians of the rounds and
         * the ratio is the API's median rate over the median rate of the yardstick that counts.
         */
        void compared(int number, String simulation, String slug, String measured, String label, int pairs,
                Map<String, String> extra, List<Yardstick> yardsticks) throws Exception {
            List<Measured> api = new ArrayList<>();
            Map<Yardstick, List<Measured>> sql = new LinkedHashMap<>();
            yardsticks.forEach(y -> sql.put(y, new ArrayList<>()));
            for (int round = 1; round <= settings.rounds(); round++) {
                log("round " + round + " of " + settings.rounds() + ": " + label);
                Measured m = simulate(simulation, slug + (settings.rounds() > 1 ? "-round-" + round : ""), measured);
                if (m != null) {
                    api.add(m);
                }
                Map<String, String> variables = new LinkedHashMap<>();
                variables.put("pairs", Integer.toString(pairs));
                variables.putAll(extra == null ? replyVariables(database) : extra);
                for (Yardstick y : yardsticks) {
                    Measured run = pgbench(y.script(), variables, round);
                    if (run != null) {
                        sql.get(y).add(run);
                    }
                }
            }
            Report.Row apiRow = api.isEmpty()
                    ? Report.Row.failed(size.label(), number, label, false)
                    : Measured.median(api, size.label(), number, label, false);
            for (Map.Entry<Yardstick, List<Measured>> y : sql.entrySet()) {
                Report.Row row = y.getValue().isEmpty()
                        ? Report.Row.failed(size.label(), number, y.getKey().label(), true)
                        : Measured.median(y.getValue(), size.label(), number, y.getKey().label(), true);
                report.add(row);
                if (y.getKey().counts()) {
                    apiRow = apiRow.comparedWith(row);
                }
            }
            report.add(apiRow);
        }

        /** The JIT warm-up of the server, once per size; only its errors are reported. */
        void warmUpServer() throws Exception {
            Map<String, GatlingRun.Stats> stats = simulateRaw("ServerWarmUpSimulation", "server-warm-up");
            GatlingRun.Stats all = stats == null ? null : stats.get("All Requests");
            if (all == null) {
                report.note(size.label() + ": the server warm-up did not run (see its log)");
            } else if (all.ko() > 0) {
                report.note(size.label() + ": " + all.ko() + " of " + all.total() + " server warm-up requests failed "
                        + "(see target/benchmark/" + size.label() + "/gatling/server-warm-up)");
            }
        }

        void loginsDuringReads() throws Exception {
            String rate = String.format(Locale.ROOT, "%.0f/s", settings.loginsPerSecond());
            Map<String, GatlingRun.Stats> stats = simulateRaw("LoginDuringFeedSimulation", "logins-during-reads");
            for (String[] row : List.of(new String[]{"feed page 1 during logins", "6. feed page 1 while logins run"},
                    new String[]{"login", "6. login (Argon2id) at " + rate})) {
                GatlingRun.Stats s = stats == null ? null : stats.get(row[0]);
                report.add(s == null
                        ? Report.Row.failed(size.label(), 6, row[1], false)
                        : new Measured(s.ok() / (double) settings.duration().toSeconds(), s.p50(), s.p99(), s.ko(),
                                Double.NaN, Double.NaN, Double.NaN).row(size.label(), 6, row[1]));
            }
        }

        /** One pgbench run of a script with PostgreSQL's CPU time per transaction; null when it failed. */
        private Measured pgbench(String script, Map<String, String> variables, int round) throws Exception {
            log("pgbench " + script + " (load average " + Machine.loadAverage() + ")");
            try {
                CpuMeter.Reading before = CpuMeter.read(null);
                PgBench.Result result = pgbench.run(script, database, variables, directory.resolve("pgbench"),
                        round == 1, round);
                CpuMeter.Reading used = CpuMeter.read(null).minus(before);
                double transactions = result.tps() * settings.duration().toSeconds();
                return new Measured(result.tps(), result.p50(), result.p99(), result.errors(), Double.NaN,
                        used.postgres() * 1000 / transactions, used.load() * 1000 / transactions);
            } catch (RuntimeException e) {
                log("pgbench failed: " + e.getMessage());
                return null;
            }
        }

        /** A simulation's measured row, with the CPU per request of each process; null when it failed. */
        private Measured simulate(String simulation, String slug, String measured) throws Exception {
            CpuMeter.Reading before = CpuMeter.read(server.handle());
            Map<String, GatlingRun.Stats> stats = simulateRaw(simulation, slug);
            CpuMeter.Reading used = CpuMeter.read(server.handle()).minus(before);
            if (stats == null) {
                return null;
            }
            GatlingRun.Stats s = stats.get(measured);
            if (s == null) {
                log("the report has no '" + measured + "' row; rows: " + stats.keySet());
                return null;
            }
            GatlingRun.Stats warmUp = stats.get("warm-up: " + measured);
            if (warmUp != null && warmUp.ko() > 0) {
                report.note(size.label() + ", " + measured + ": " + warmUp.ko() + " warm-up requests failed their "
                        + "checks (see the Gatling report)");
            }
            // CPU over the whole Gatling run (its warm-up too), per request it sent: the server is idle otherwise.
            GatlingRun.Stats all = stats.get("All Requests");
            double units = all == null ? s.total() : all.total();
            return new Measured(s.ok() / (double) settings.duration().toSeconds(), s.p50(), s.p99(), s.ko(),
                    used.server() * 1000 / units, used.postgres() * 1000 / units, used.load() * 1000 / units);
        }

        private Map<String, GatlingRun.Stats> simulateRaw(String simulation, String slug) throws Exception {
            Duration scenario = settings.warmUp().plus(settings.duration());
            Duration needed = (scenario.compareTo(settings.serverWarmUp()) > 0 ? scenario : settings.serverWarmUp())
                    .plusMinutes(2);
            fixtures = fixtures.refreshedFor(api, needed);
            Map<String, Path> feeders = fixtures.writeFeeders(directory.resolve("feeders"));
            Properties run = new Properties();
            run.setProperty("baseUrl", server.baseUrl());
            run.setProperty("users", Integer.toString(settings.users()));
            run.setProperty("serverWarmUpSeconds", Long.toString(settings.serverWarmUp().toSeconds()));
            run.setProperty("warmUpSeconds", Long.toString(settings.warmUp().toSeconds()));
            run.setProperty("durationSeconds", Long.toString(settings.duration().toSeconds()));
            run.setProperty("loginsPerSecond", Double.toString(settings.loginsPerSecond()));
            run.setProperty("password", DataGenerator.PASSWORD);
            feeders.forEach((name, file) -> run.setProperty("feeder." + name, file.toAbsolutePath().toString()));
            log("Gatling " + simulation + " (load average " + Machine.loadAverage() + ")");
            try {
                return gatling.run(simulation, run, directory.resolve("gatling").resolve(slug),
                        directory.resolve("gatling").resolve(slug + ".log"));
            } catch (RuntimeException e) {
                log(simulation + " failed: " + e.getMessage());
                return null;
            }
        }
    }

    /** A pgbench script of a scenario, its row's label, and whether the API's ratio is taken against it. */
    private record Yardstick(String script, String label, boolean counts) {
    }

    /**
     * One run's figures: rate per second, latencies in ms, errors, and CPU milliseconds per unit of the server, of
     * PostgreSQL and of the load generator (NaN: unknown).
     */
    record Measured(double throughput, double p50, double p99, long errors, double serverCpuMs, double postgresCpuMs,
            double loadCpuMs) {

        Report.Row row(String size, int scenario, String name) {
            return median(List.of(this), size, scenario, name, false);
        }

        /** The medians of the rounds (errors summed), with the range of the rates. */
        static Report.Row median(List<Measured> rounds, String size, int scenario, String name, boolean yardstick) {
            return new Report.Row(size, scenario, name, med(rounds, Measured::throughput),
                    rounds.stream().mapToDouble(Measured::throughput).min().orElse(Double.NaN),
                    rounds.stream().mapToDouble(Measured::throughput).max().orElse(Double.NaN), rounds.size(),
                    med(rounds, Measured::p50), med(rounds, Measured::p99),
                    rounds.stream().mapToLong(Measured::errors).sum(), med(rounds, Measured::serverCpuMs),
                    med(rounds, Measured::postgresCpuMs), med(rounds, Measured::loadCpuMs), Double.NaN, Double.NaN,
                    yardstick);
        }

        private static double med(List<Measured> rounds, java.util.function.ToDoubleFunction<Measured> value) {
            double[] sorted = rounds.stream().mapToDouble(value).sorted().toArray();
            int n = sorted.length;
            return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    /**
     * What pgbench's reply script needs besides the pair: the body Gatling sends, and the request hash and stored
     * response of one reply the API just created (so the idempotency rows are as large as the API's).
     */
    private Map<String, String> replyVariables(String database) throws Exception {
        Map<String, String> variables = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(database), settings.dbUser(),
                settings.dbPassword())) {
            replyVariables(c, variables);
        }
        return variables;
    }

    private static void replyVariables(Connection c, Map<String, String> variables) throws Exception {
        variables.put("body", "I believe you. What happened to you was not okay, and you are not alone.");
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT request_hash, response_body, response_type, response_etag "
                        + "FROM idempotency_keys WHERE state = 'COMPLETED' AND response_status = 201 LIMIT 1")) {
            if (rs.next()) {
                variables.put("request_hash", "\\x" + HexFormat.of().formatHex(rs.getBytes(1)));
                variables.put("response_body", "\\x" + HexFormat.of().formatHex(rs.getBytes(2)));
                variables.put("response_type", rs.getString(3));
                variables.put("etag", rs.getString(4));
            } else { // the Gatling run failed: sizes typical of a reply
                variables.put("request_hash", "\\x" + "00".repeat(32));
                variables.put("response_body", "\\x" + "20".repeat(800));
                variables.put("response_type", "application/json;charset=UTF-8");
                variables.put("etag", "\"0\"");
            }
        }
    }

    private void recreateDatabase() throws Exception {
        log("recreating database " + database);
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl("postgres"), settings.dbUser(),
                settings.dbPassword()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
    }

    private void log(String message) {
        Benchmark.log("[" + size.label() + "] " + message);
    }
}
