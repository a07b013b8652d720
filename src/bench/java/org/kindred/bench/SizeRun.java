package org.kindred.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
            if (settings.serverWarmUp().toSeconds() > 0) {
                scenarios.warmUpServer();
            }
            if (settings.runs(1)) {
                Report.Row api1 = scenarios.gatling(1, "FeedFirstPageSimulation", "feed-first-page", "feed page 1",
                        "1. feed page 1 (20 threads with reactions)");
                scenarios.pgbench(1, "feed-first-page.sql", fixtures.feedPairs(), Map.of(), api1);
            }
            if (settings.runs(2)) {
                scenarios.gatling(2, "FeedDeepPageSimulation", "feed-deep-page", "feed deep page",
                        "2. feed deep page via cursor");
            }
            if (settings.runs(3)) {
                Report.Row api3 = scenarios.gatling(3, "ThreadPageSimulation", "thread-page", "post with 20 replies",
                        "3. post + first 20 replies (page views)");
                scenarios.pgbench(3, "thread-page.sql", fixtures.threadPairs(), Map.of(), api3);
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
                Report.Row api4 = scenarios.gatling(4, "CreateReplySimulation", "create-reply", "create reply",
                        "4. create reply (Idempotency-Key)");
                scenarios.pgbench(4, "create-reply.sql", fixtures.replyPairs(), replyVariables(c), api4);
            }
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

        /** Runs a simulation and adds the row of its measured request (or group); returns it for the ratio. */
        Report.Row gatling(int number, String simulation, String slug, String measured, String label)
                throws Exception {
            Map<String, GatlingRun.Stats> stats = simulate(simulation, slug);
            if (stats == null) {
                return failed(number, label);
            }
            return addRow(number, label, stats, measured);
        }

        /** The JIT warm-up of the server, once per size; only its errors are reported. */
        void warmUpServer() throws Exception {
            Map<String, GatlingRun.Stats> stats = simulate("ServerWarmUpSimulation", "server-warm-up");
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
            Map<String, GatlingRun.Stats> stats = simulate("LoginDuringFeedSimulation", "logins-during-reads");
            if (stats == null) {
                failed(6, "6. login (Argon2id)");
                return;
            }
            addRow(6, "6. feed page 1 while logins run", stats, "feed page 1 during logins");
            addRow(6, "6. login (Argon2id) at " + rate, stats, "login");
        }

        void pgbench(int number, String script, int pairs, Map<String, String> extra, Report.Row api)
                throws Exception {
            log("pgbench " + script);
            Map<String, String> variables = new LinkedHashMap<>();
            variables.put("pairs", Integer.toString(pairs));
            variables.putAll(extra);
            String label = "pgbench: the SQL of " + number;
            try {
                PgBench.Result result = pgbench.run(script, database, variables, directory.resolve("pgbench"));
                report.add(new Report.Row(size.label(), number, label, result.tps(), result.p50(), result.p99(),
                        result.errors(), Double.NaN, true));
                if (api != null && api.errors() >= 0) {
                    report.replace(api, new Report.Row(api.size(), api.scenario(), api.name(), api.throughput(),
                            api.p50(), api.p99(), api.errors(), api.throughput() / result.tps(), false));
                }
            } catch (RuntimeException e) {
                log("pgbench failed: " + e.getMessage());
                report.add(new Report.Row(size.label(), number, label, Double.NaN, Double.NaN, Double.NaN, -1,
                        Double.NaN, true));
            }
        }

        private Map<String, GatlingRun.Stats> simulate(String simulation, String slug) throws Exception {
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

        private Report.Row addRow(int number, String label, Map<String, GatlingRun.Stats> stats, String measured) {
            GatlingRun.Stats s = stats.get(measured);
            if (s == null) {
                log("the report has no '" + measured + "' row; rows: " + stats.keySet());
                return failed(number, label);
            }
            GatlingRun.Stats warmUp = stats.get("warm-up: " + measured);
            if (warmUp != null && warmUp.ko() > 0) {
                report.note(size.label() + ", " + label + ": " + warmUp.ko() + " warm-up requests failed their checks "
                        + "(see the Gatling report)");
            }
            Report.Row row = new Report.Row(size.label(), number, label,
                    s.ok() / (double) settings.duration().toSeconds(), s.p50(), s.p99(), s.ko(), Double.NaN, false);
            report.add(row);
            return row;
        }

        private Report.Row failed(int number, String label) {
            Report.Row row = new Report.Row(size.label(), number, label, Double.NaN, Double.NaN, Double.NaN, -1,
                    Double.NaN, false);
            report.add(row);
            return row;
        }
    }

    /**
     * What pgbench's reply script needs besides the pair: the body Gatling sends, and the request hash and stored
     * response of one reply the API just created (so the idempotency rows are as large as the API's).
     */
    private static Map<String, String> replyVariables(Connection c) throws Exception {
        Map<String, String> variables = new LinkedHashMap<>();
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
        return variables;
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
