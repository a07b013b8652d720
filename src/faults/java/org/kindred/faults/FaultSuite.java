package org.kindred.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The fault suite (README "Reliability under faults"): starts the packaged application (prod profile) against an
 * embedded PostgreSQL it starts and stops itself (or a database on the server {@code -Dfaults.jdbcUrl} names), through an in-process TCP proxy that injects the faults, puts read load on it and
 * prints one PASS/FAIL line with figures per scenario, also written to target/faults/results.md.
 */
public final class FaultSuite {

    /** A PostgreSQL server to use (e.g. {@code jdbc:postgresql://127.0.0.1:5432/}); empty: the suite starts its own. */
    private static String adminUrl = System.getProperty("faults.jdbcUrl", "");
    private static final String DATABASE = System.getProperty("faults.database", "kindred_faults");
    private static int pgPort = Integer.getInteger("faults.pgPort", 5432);
    private static final int PROXY_PORT = Integer.getInteger("faults.proxyPort", 15432);
    private static final int APP_PORT = Integer.getInteger("faults.port", 8091);
    private static final int READERS = Integer.getInteger("faults.readers", 16);
    private static final int WRITERS = Integer.getInteger("faults.writers", 4);
    /** Sign-ins per second in the login storm (scenario 6). */
    private static final int LOGINS_PER_SECOND = Integer.getInteger("faults.loginsPerSecond", 50);
    /** How long after readiness went DOWN the suite's "load balancer" still routes new requests (scenario 5). */
    private static final long ROUTING_LAG_MS = Long.getLong("faults.routingLagMs", 1000);
    private static final String PASSWORD = "violet-kayak-ember-tundra-91";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path serverLog;
    private static final String BASE = "http://127.0.0.1:" + APP_PORT;
    /** Comma-separated scenario numbers to run (e.g. {@code 1,5}); empty runs all. */
    private static final Set<String> ONLY = Set.of(System.getProperty("faults.only", "").split(","));
    /** Diagnostics: write a thread dump of the application this many seconds into scenario 1's outage (0: none). */
    private static final int THREAD_DUMP_AT = Integer.getInteger("faults.threadDumpAt", 0);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<String> LINES = new ArrayList<>();

    private FaultSuite() {
    }

    public static void main(String[] args) throws Exception {
        Path basedir = Path.of(System.getProperty("faults.basedir", "."));
        Path out = basedir.resolve("target/faults");
        Files.createDirectories(out);
        EmbeddedPostgres embedded = null;
        if (adminUrl.isBlank()) {
            // A PostgreSQL the suite controls: started here, stopped at the end, nothing else uses it.
            embedded = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
                    .setDataDirectory(out.resolve("pgdata")).setCleanDataDirectory(true).start();
            adminUrl = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/";
            pgPort = embedded.getPort();
            System.out.println("Embedded PostgreSQL on port " + pgPort);
        }
        recreateDatabase();
        Proxy proxy = new Proxy(PROXY_PORT, pgPort);
        proxy.open();
        Process app = startApp(basedir, out);
        boolean allPassed = true;
        try {
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                members.add(Member.register("w" + i));
            }
            if (selected("1")) {
                allPassed &= stopped(proxy, app, out, members);
            }
            if (selected("2")) {
                allPassed &= latency(proxy);
            }
            if (selected("3")) {
                allPassed &= resets(proxy, members);
            }
            if (selected("4")) {
                allPassed &= readOnly(members);
            }
            if (selected("6")) {
                allPassed &= loginStorm(members);
            }
            if (selected("5")) {
                allPassed &= sigterm(app, members);
            }
        } finally {
            app.destroyForcibly();
            proxy.close();
            if (embedded != null) {
                embedded.close();
            }
        }
        report("7. Disk full / out of memory", "described in the README, not injected", "described");
        StringBuilder md = new StringBuilder("# Fault suite results\n\n").append(Instant.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs\n\n")
                .append("| Scenario | Figures | Result |\n|---|---|---|\n");
        LINES.forEach(line -> md.append(line).append('\n'));
        Files.writeString(out.resolve("results.md"), md.toString());
        System.out.println("Results: " + out.resolve("results.md"));
        if (!allPassed) {
            System.exit(1);
        }
    }

    // --- scenarios -------------------------------------------------------------------------------------------

    /** 1. PostgreSQL unreachable for 15 s under read load (the proxy refuses and resets every connection). */
    static boolean stopped(Proxy proxy, Process app, Path out, List<Member> members) throws Exception {
        Readiness readiness = Readiness.watch();
        Load load = Load.start(READERS);
        Writers writers = Writers.start(members);
        Thread.sleep(3000);
        Instant stop = Instant.now();
        proxy.cut();
        if (THREAD_DUMP_AT > 0) {
            Thread.sleep(THREAD_DUMP_AT * 1000L);
            new ProcessBuilder("jstack", Long.toString(app.pid()))
                    .redirectOutput(out.resolve("outage-threads.txt").toFile()).start().waitFor();
            Thread.sleep(15000 - THREAD_DUMP_AT * 1000L);
        } else {
            Thread.sleep(15000);
        }
        Instant back = Instant.now();
        proxy.open();
        Instant up = readiness.awaitUpAfter(back, Duration.ofSeconds(30));
        Instant firstOk = load.firstOkAfter(back, Duration.ofSeconds(30));
        Thread.sleep(2000);
        Load.Stats stats = load.stop();
        Writers.Outcome writes = writers.stopAndVerify();
        readiness.stop();
        Instant down = readiness.firstDownAfter(stop);
        Load.Stats outage = new Load.Stats(load.between(stop, back));
        String figures = "reads " + stats + "; during the outage " + outage.total + " answers, slowest "
                + outage.slowestMs + " ms, p99 " + outage.p99 + " ms; ready DOWN after " + seconds(stop, down)
                + ", UP " + seconds(back, up) + " after PostgreSQL returned; first 200 " + seconds(back, firstOk)
                + " after; writes " + writes;
        String slow = load.results.stream().filter(r -> r.millis > 1000)
                .map(r -> r.millis + " ms@" + seconds(stop, r.at)).limit(8).toList().toString();
        figures += "; answers over 1 s (duration@end, from the cut): " + slow;
        // The issue's target: while PostgreSQL is unreachable every request is answered within 1 s.
        boolean pass = stats.serverErrorsOtherThan503 == 0 && stats.timeouts == 0 && outage.slowestMs <= 1000
                && down != null && up != null && writes.ok();
        return report("1. PostgreSQL unreachable 15 s under read load", figures, pass ? "PASS" : "FAIL");
    }

    /** 2. Latency per round trip: 200 ms for 10 s, then 2 s for 10 s. */
    static boolean latency(Proxy proxy) throws Exception {
        boolean pass = true;
        for (int ms : new int[]{200, 2000}) {
            Load load = Load.start(READERS);
            Load live = Load.start(1, "/q/health/live");
            Thread.sleep(1000);
            proxy.latencyMs = ms;
            Thread.sleep(10000);
            long asked = System.nanoTime();
            int ready = status("/q/health/ready");
            long readyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
            proxy.latencyMs = 0;
            Load.Stats stats = load.stop();
            Load.Stats liveStats = live.stop();
            // Truthful health: liveness never waits on the database (no thread exhaustion), and with 200 ms per round
            // trip the database is usable, so readiness says UP within the Deployment's probe timeout (2 s). With 2 s
            // per round trip a kubelet's 2 s probe times out and the pod leaves the Service: recorded, not judged.
            boolean readyTruthful = ms >= 2000 || ready == 200 && readyMs <= 2000;
            boolean ok = stats.serverErrorsOtherThan503 == 0 && stats.timeouts == 0 && liveStats.slowestMs < 1000
                    && readyTruthful;
            pass &= ok;
            report("2. Latency " + ms + " ms per round trip", stats + "; liveness slowest " + liveStats.slowestMs
                    + " ms; readiness answered " + ready + " in " + readyMs + " ms"
                    + (ms >= 2000 ? (readyMs > 2000 ? " (a kubelet's 2 s probe would time out: not ready)" : "")
                            : ""),
                    ok ? "PASS" : "FAIL");
            Thread.sleep(3000);
        }
        return pass;
    }

    /**
     * 4. The primary turns read-only (default_transaction_read_only, backends ended as a failover would) under read
     * and write load: writes are refused with 503 while it lasts, reads go on, and once the database is writable again
     * the writers' replies are acknowledged and every acknowledged or retried write is there exactly once.
     */
    static boolean readOnly(List<Member> members) throws Exception {
        admin("ALTER DATABASE " + DATABASE + " SET default_transaction_read_only = on");
        terminateBackends();
        Load load = Load.start(READERS);
        Writers writers = Writers.start(members);
        Thread.sleep(8000);
        Load.Stats stats = load.stop();
        int refusedWhileReadOnly = writers.byStatus.getOrDefault(503, 0);
        int acceptedWhileReadOnly = writers.acknowledged.size();
        admin("ALTER DATABASE " + DATABASE + " RESET default_transaction_read_only");
        terminateBackends();
        Thread.sleep(5000);
        Writers.Outcome writes = writers.stopAndVerify();
        // Reads must go on: refusals (the requests that met a terminated connection) end within the first seconds.
        Instant start = load.results.isEmpty() ? Instant.now() : load.results.get(0).at();
        Instant lastRefusal = load.results.stream().filter(r -> r.status() == 503).map(Load.Result::at)
                .max(Instant::compareTo).orElse(null);
        boolean pass = stats.serverErrorsOtherThan503 == 0 && stats.ok > 0
                && (lastRefusal == null || Duration.between(start, lastRefusal).toMillis() <= 3000)
                && refusedWhileReadOnly > 0 && acceptedWhileReadOnly == 0 && writes.ok();
        return report("4. Primary turned read-only under read + write load",
                "reads " + stats + "; last read 503 "
                        + (lastRefusal == null ? "none" : seconds(start, lastRefusal) + " after the start")
                        + "; writes while read-only: " + refusedWhileReadOnly + " × 503, " + acceptedWhileReadOnly
                        + " × 201; writes " + writes,
                pass ? "PASS" : "FAIL");
    }

    /**
     * 3. Connections cut mid-transaction: while members write, the proxy resets every open connection once a second
     * for 10 s (PostgreSQL stays reachable). Expect 503s, never a 500, and nothing half-written.
     */
    static boolean resets(Proxy proxy, List<Member> members) throws Exception {
        Load load = Load.start(READERS);
        Writers writers = Writers.start(members);
        Thread.sleep(2000);
        int cuts = 0;
        for (int i = 0; i < 10; i++) {
            cuts += proxy.resetOpenConnections();
            Thread.sleep(1000);
        }
        Thread.sleep(2000);
        Load.Stats stats = load.stop();
        Writers.Outcome writes = writers.stopAndVerify();
        boolean pass = stats.serverErrorsOtherThan503 == 0 && stats.timeouts == 0 && writes.ok();
        return report("3. Connections reset mid-transaction (10 rounds, " + cuts + " connections cut)",
                "reads " + stats + "; writes " + writes, pass ? "PASS" : "FAIL");
    }

    /**
     * 6. Login storm: members read (signed in: every read also runs the session check) for 10 s, then for 10 s more
     * while {@code LOGINS_PER_SECOND} sign-ins a second arrive from as many addresses (X-Forwarded-For, trusted from
     * the loopback proxy in this suite). Reads' p99 must stay within twice the quiet one (with a 50 ms floor: on an
     * idle machine a 10 ms p99 doubles with any noise); sign-ins beyond the hashing capacity must be refused quickly
     * (503/429), not time out.
     */
    static boolean loginStorm(List<Member> members) throws Exception {
        // The baseline is the service at rest: after the earlier scenarios' faults it may still be replacing broken
        // connections, which would put fast 503s into the quiet p99.
        Writers.awaitReady();
        Thread.sleep(3000);
        Load quiet = Load.start(READERS, "/api/v1/groups?limit=20", members.get(0).token);
        Thread.sleep(10000);
        Load.Stats quietStats = quiet.stop();
        Load storm = Load.start(READERS, "/api/v1/groups?limit=20", members.get(0).token);
        List<Load.Result> logins = new CopyOnWriteArrayList<>();
        Map<String, Integer> loginErrors = new ConcurrentHashMap<>();
        AtomicInteger pending = new AtomicInteger();
        java.util.concurrent.ScheduledExecutorService ticker = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        AtomicInteger n = new AtomicInteger();
        String body = JSON.writeValueAsString(Map.of("email", members.get(1).email, "password", PASSWORD));
        ticker.scheduleAtFixedRate(() -> {
            int i = n.incrementAndGet();
            String address = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
            long start = System.nanoTime();
            pending.incrementAndGet();
            HTTP.sendAsync(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/auth/login"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                        if (e != null) {
                            Throwable cause = e.getCause() != null ? e.getCause() : e;
                            loginErrors.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
                        }
                        int status = r != null ? r.statusCode()
                                : e instanceof java.net.http.HttpTimeoutException
                                        || e.getCause() instanceof java.net.http.HttpTimeoutException ? 0 : -1;
                        logins.add(new Load.Result(Instant.now(), status,
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                                r != null && r.headers().firstValue("Retry-After").isPresent()));
                        pending.decrementAndGet();
                    });
        }, 0, 1000 / LOGINS_PER_SECOND, TimeUnit.MILLISECONDS);
        Thread.sleep(10000);
        ticker.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Load.Stats stormStats = storm.stop();
        Load.Stats loginStats = new Load.Stats(logins);
        long refusedSlowest = logins.stream().filter(r -> r.status() == 503 || r.status() == 429)
                .mapToLong(Load.Result::millis).max().orElse(0);
        long bound = Math.max(2 * quietStats.p99, 50);
        boolean pass = stormStats.serverErrorsOtherThan503 == 0 && stormStats.p99 <= bound
                && loginStats.timeouts == 0 && loginStats.serverErrorsOtherThan503 == 0 && refusedSlowest <= 1500
                && stormStats.byStatus.getOrDefault(503, 0) == 0;
        return report("6. Login storm (" + LOGINS_PER_SECOND + " sign-ins/s, 10 s) while members read",
                "quiet reads " + quietStats + "; reads in the storm " + stormStats + " (bound " + bound
                        + " ms); sign-ins " + n.get() + " sent: " + loginStats + ", slowest refusal " + refusedSlowest
                        + " ms" + (loginErrors.isEmpty() ? "" : "; client errors " + loginErrors),
                pass ? "PASS" : "FAIL");
    }

    /**
     * 5. SIGTERM under read and write load: no 5xx, every 201 committed, exit within shutdown delay + timeout. The
     * clients behave as behind a load balancer: they stop sending new requests {@code ROUTING_LAG_MS} after they
     * saw readiness go DOWN (a Kubernetes Service stops routing to a pod that is not ready). A request refused
     * after the listener closed is counted apart ("refused"); it is not a 5xx.
     */
    static boolean sigterm(Process app, List<Member> members) throws Exception {
        Readiness readiness = Readiness.watch();
        Load load = Load.start(READERS);
        Writers writers = Writers.start(members);
        Thread.sleep(2000);
        Instant term = Instant.now();
        app.destroy();
        Thread routing = new Thread(() -> {
            while (load.running.get()) {
                Instant down = readiness.firstDownAfter(term);
                if (down != null) {
                    sleep(Math.max(0, ROUTING_LAG_MS - Duration.between(down, Instant.now()).toMillis()));
                    load.running.set(false);
                    writers.running.set(false);
                    return;
                }
                sleep(20);
            }
        });
        routing.setDaemon(true);
        routing.start();
        boolean exited = app.waitFor(40, TimeUnit.SECONDS);
        Instant exit = Instant.now();
        Load.Stats stats = load.stop();
        Writers.Outcome writes = writers.stopAndVerifyOffline();
        readiness.stop();
        Instant down = readiness.firstDownAfter(term);
        boolean pass = exited && stats.serverErrors == 0 && writes.serverErrors == 0 && writes.ok()
                && Duration.between(term, exit).toSeconds() <= 31;
        String errors = load.results.stream().filter(r -> r.status >= 500)
                .map(r -> r.status + "@" + seconds(term, r.at)).limit(10).toList().toString();
        return report("5. SIGTERM under read and write load",
                "reads " + stats + "; writes " + writes + "; ready DOWN after " + seconds(term, down)
                        + "; exited after " + seconds(term, exit) + "; 5xx at " + errors,
                pass ? "PASS" : "FAIL");
    }

    private static boolean selected(String scenario) {
        return ONLY.contains("") || ONLY.contains(scenario);
    }

    private static boolean report(String scenario, String figures, String result) {
        String line = "| " + scenario + " | " + figures + " | " + result + " |";
        System.out.println(result + " " + scenario + ": " + figures);
        LINES.add(line);
        return !"FAIL".equals(result);
    }

    private static String seconds(Instant from, Instant to) {
        return to == null ? "never" : String.format("%.2f s", Duration.between(from, to).toMillis() / 1000.0);
    }

    // --- the application -------------------------------------------------------------------------------------

    private static Process startApp(Path basedir, Path out) throws Exception {
        Path jar = basedir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -Pfaults verify (it packages the application)");
        }
        Path keys = out.resolve("keys");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        writePrivateKey(keys, generator);
        Path keks = out.resolve("keks");
        Files.createDirectories(keks);
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        Files.writeString(keks.resolve("faults.key"), Base64.getEncoder().encodeToString(kek));
        // The prod profile refuses to start without evidence signing keys (README "Evidence export").
        Path evidence = out.resolve("evidence-keys");
        writePrivateKey(evidence, KeyPairGenerator.getInstance("Ed25519"));
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(out.resolve("server.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + PROXY_PORT + "/" + DATABASE);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(APP_PORT));
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.put("KINDRED_AUTH_KEYS_DIR", keys.toString());
        env.put("KINDRED_CURSOR_SECRET", HexFormat.of().formatHex(secret));
        env.put("KINDRED_JOURNAL_KEK_DIR", keks.toString());
        env.put("KINDRED_EVIDENCE_KEY_DIR", evidence.toString());
        // Registration mails are printed, not sent: the suite has no SMTP server.
        env.put("QUARKUS_MAILER_MOCK", "true");
        env.put("KINDRED_SEEDS_LOAD_AT_STARTUP", "true");
        // The login storm (scenario 6) comes from many addresses: trust X-Forwarded-For from the loopback, as behind
        // an ingress, and keep LOGIN's real per-address limit; every other class is unlimited for the load.
        env.put("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
        env.put("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true");
        env.put("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1");
        for (String c : List.of("REGISTER", "REFRESH", "PASSWORD", "READ", "WRITE", "PUBLIC_FEED", "REPORT",
                "EXPORT")) {
            env.put("KINDRED_RATE_LIMIT_CLASSES_" + c + "_PER_IP", "1000000000");
            env.put("KINDRED_RATE_LIMIT_CLASSES_" + c + "_PER_ACCOUNT", "1000000000");
        }
        serverLog = out.resolve("server.log");
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application stopped while starting; see " + out.resolve("server.log"));
            }
            if (status("/q/health/ready") == 200) {
                return process;
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The application was not ready within 3 minutes");
    }

    static int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A fresh private key from {@code generator}, as {@code directory/faults.pem} (PKCS#8 PEM; the name is its id). */
    private static void writePrivateKey(Path directory, KeyPairGenerator generator) throws java.io.IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("faults.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
    }

    // --- database administration (directly, not through the proxy) ----------------------------------------------

    private static void recreateDatabase() throws Exception {
        admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        admin("CREATE DATABASE " + DATABASE);
    }

    private static void terminateBackends() throws Exception {
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");
    }

    /** One number from the suite's database, read directly (not through the proxy). */
    static long count(String sql, Object... params) throws Exception {
        try (Connection c = DriverManager.getConnection(adminUrl + DATABASE, "postgres", "");
                java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(adminUrl + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    // --- load and observation ----------------------------------------------------------------------------------

    /** Closed-loop readers: each sends the next request when the last was answered. */
    static final class Load {
        record Result(Instant at, int status, long millis, boolean retryAfter) {
        }

        final List<Result> results = new CopyOnWriteArrayList<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> threads = new ArrayList<>();

        static Load start(int users) {
            return start(users, "/api/v1/groups?limit=20");
        }

        static Load start(int users, String path) {
            return start(users, path, null);
        }

        List<Result> between(Instant from, Instant to) {
            return results.stream().filter(r -> r.at.isAfter(from) && !r.at.isAfter(to)).toList();
        }

        static Load start(int users, String path, String token) {
            Load load = new Load();
            for (int i = 0; i < users; i++) {
                Thread t = new Thread(() -> {
                    while (load.running.get()) {
                        long start = System.nanoTime();
                        int status;
                        boolean retryAfter = false;
                        try {
                            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                                    .timeout(Duration.ofSeconds(10));
                            if (token != null) {
                                request.header("Authorization", "Bearer " + token);
                            }
                            HttpResponse<Void> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
                            status = r.statusCode();
                            retryAfter = r.headers().firstValue("Retry-After").isPresent();
                        } catch (java.net.http.HttpTimeoutException e) {
                            status = 0;
                        } catch (IOException e) {
                            status = -1;
                            sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                        load.results.add(new Result(Instant.now(), status,
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), retryAfter));
                    }
                });
                t.setDaemon(true);
                t.start();
                load.threads.add(t);
            }
            return load;
        }

        Instant firstOkAfter(Instant after, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (Result r : results) {
                    if (r.status == 200 && r.at.isAfter(after)) {
                        return r.at;
                    }
                }
                Thread.sleep(50);
            }
            return null;
        }

        Stats stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(15000);
            }
            return new Stats(results);
        }

        static final class Stats {
            final int total;
            final int ok;
            final int serverErrors;
            final int serverErrorsOtherThan503;
            final int timeouts;
            final long slowestMs;
            final long over1s;
            final long p99;
            final Map<Integer, Integer> byStatus = new TreeMap<>();
            final long unavailableWithoutRetryAfter;

            Stats(List<Result> results) {
                total = results.size();
                results.forEach(r -> byStatus.merge(r.status, 1, Integer::sum));
                ok = byStatus.getOrDefault(200, 0);
                serverErrors = (int) results.stream().filter(r -> r.status >= 500).count();
                serverErrorsOtherThan503 = (int) results.stream().filter(r -> r.status >= 500 && r.status != 503)
                        .count();
                timeouts = byStatus.getOrDefault(0, 0);
                slowestMs = results.stream().mapToLong(Result::millis).max().orElse(0);
                over1s = results.stream().filter(r -> r.millis > 1000).count();
                List<Long> sorted = new ArrayList<>(results.stream().map(Result::millis).toList());
                Collections.sort(sorted);
                p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99)));
                unavailableWithoutRetryAfter = results.stream().filter(r -> r.status == 503 && !r.retryAfter).count();
            }

            @Override
            public String toString() {
                return total + " requests " + byStatus.toString().replace("-1=", "refused=").replace("{0=", "{timeout=")
                        + ", p99 " + p99 + " ms, slowest " + slowestMs + " ms, " + over1s + " over 1 s, "
                        + unavailableWithoutRetryAfter + " 503 without Retry-After";
            }
        }
    }

    record Response(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    static Response call(String method, String path, String token, String idempotencyKey, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body(), r.headers());
    }

    /** A member who writes: signed up through the mailed link, owner of a group with one thread to reply to. */
    static final class Member {
        final String email;
        final String id;
        final String token;
        final String thread;

        private Member(String email, String id, String token, String thread) {
            this.email = email;
            this.id = id;
            this.token = token;
            this.thread = thread;
        }

        static Member register(String name) throws Exception {
            String handle = "faults_" + name + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
            String email = handle + "@example.org";
            Response asked = call("POST", "/api/v1/auth/register", null, null, Map.of("email", email, "password",
                    PASSWORD, "handle", handle, "acceptGuidelinesVersion", 1));
            if (asked.status() != 202) {
                throw new IllegalStateException("registration answered " + asked.status() + ": " + asked.body());
            }
            String token = mailedToken(email);
            Response confirmed = call("POST", "/api/v1/auth/register/confirm", null, null, Map.of("token", token));
            if (confirmed.status() != 201) {
                throw new IllegalStateException("confirmation answered " + confirmed.status());
            }
            String access = confirmed.json().path("accessToken").asText();
            String id = confirmed.json().path("account").path("id").asText();
            Response group = call("POST", "/api/v1/groups", access, null, Map.of("name", "Fault suite " + handle,
                    "description", "Where the fault suite writes its replies; nothing here is real.", "bases",
                    List.of("RACE_ETHNICITY"), "topics", List.of("WORKPLACE"), "language", "en", "visibility",
                    "PUBLIC", "rules", "Be kind."));
            if (group.status() != 201) {
                throw new IllegalStateException("group creation answered " + group.status() + ": " + group.body());
            }
            Response thread = call("POST", "/api/v1/groups/" + group.json().path("id").asText() + "/posts", access,
                    null, Map.of("title", "Replies of the fault suite", "body", "Each reply carries its own key.",
                            "contentWarnings", List.of(), "anonymous", false, "supportWanted", "LISTENING",
                            "replyPolicy", "GROUP", "language", "en"));
            if (thread.status() != 201) {
                throw new IllegalStateException("thread creation answered " + thread.status() + ": " + thread.body());
            }
            return new Member(email, id, access, thread.json().path("id").asText());
        }

        /** The registration link of the mock mailer, printed to the application's log. */
        private static String mailedToken(String email) throws Exception {
            Pattern link = Pattern.compile("token=([A-Za-z0-9_\\-]+)");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                String log = Files.readString(serverLog);
                int at = log.lastIndexOf(email);
                if (at >= 0) {
                    Matcher m = link.matcher(log);
                    if (m.find(at)) {
                        return m.group(1);
                    }
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("no registration mail for " + email + " in " + serverLog);
        }
    }

    /**
     * Closed-loop writers: each member replies to their thread with a fresh Idempotency-Key (the key is also the
     * reply's text, so a duplicate is visible in SQL). Remembers every 201 and every key whose answer was not one.
     */
    static final class Writers {
        record Ack(String key, String id, String thread, String token) {
        }

        record Unanswered(String key, String thread, String token) {
        }

        final List<Ack> acknowledged = new CopyOnWriteArrayList<>();
        final List<Unanswered> unanswered = new CopyOnWriteArrayList<>();
        final Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> threads = new ArrayList<>();
        final List<Member> members;

        Writers(List<Member> members) {
            this.members = members;
        }

        static Writers start(List<Member> members) {
            Writers w = new Writers(members);
            for (Member m : members) {
                Thread t = new Thread(() -> {
                    while (w.running.get()) {
                        String key = java.util.UUID.randomUUID().toString();
                        int status;
                        try {
                            Response r = reply(m.token, m.thread, key);
                            status = r.status();
                            if (status == 201) {
                                w.acknowledged.add(new Ack(key, r.json().path("id").asText(), m.thread, m.token));
                            }
                        } catch (java.net.http.HttpTimeoutException e) {
                            status = 0;
                        } catch (IOException e) {
                            status = -1;
                            sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (status != 201) {
                            w.unanswered.add(new Unanswered(key, m.thread, m.token));
                        }
                        w.byStatus.merge(status, 1, Integer::sum);
                        if (status == 503) {
                            sleep(100);
                        }
                    }
                });
                t.setDaemon(true);
                t.start();
                w.threads.add(t);
            }
            return w;
        }

        static Response reply(String token, String thread, String key) throws IOException, InterruptedException {
            return call("POST", "/api/v1/posts/" + thread + "/replies", token, key,
                    Map.of("body", "fault suite reply " + key, "contentWarnings", List.of(), "anonymous", false));
        }

        private void join() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(15000);
            }
        }

        /**
         * After recovery, through the API and SQL: every acknowledged reply is there; a retry of an acknowledged key
         * replays the same reply; a retry of every key that got no 201 is created once or replayed; no key made two
         * replies; the threads' reply counts match their replies; every reply has its completed idempotency record.
         */
        Outcome stopAndVerify() throws Exception {
            join();
            Outcome o = verifyStored();
            // Retry as a client would after a fault: once the service says it is ready, and after the Retry-After a
            // 503 names (the API answers 503 for a few seconds after a fault while its pool replaces broken
            // connections; a retry that meets it waits and tries again, up to five times).
            awaitReady();
            List<Ack> checked = acknowledged.subList(0, Math.min(20, acknowledged.size()));
            List<Response> replays = retried(checked.stream().map(a -> new String[] {a.token, a.thread, a.key})
                    .toList());
            List<Response> retries = retried(unanswered.stream().map(u -> new String[] {u.token, u.thread, u.key})
                    .toList());
            for (int i = 0; i < checked.size(); i++) {
                Ack a = checked.get(i);
                Response r = replays.get(i);
                boolean same = r.status() == 201 && a.id.equals(r.json().path("id").asText())
                        && "true".equals(r.headers().firstValue("Idempotent-Replayed").orElse(""));
                o.replayed += same ? 1 : 0;
                o.replayWrong += same ? 0 : 1;
            }
            for (Response r : retries) {
                if (r.status() == 201) {
                    o.retriedOk++;
                    if ("true".equals(r.headers().firstValue("Idempotent-Replayed").orElse(""))) {
                        o.retriedReplayed++;
                    }
                } else if (r.status() == 409) {
                    // Only a reservation still locked by a running request answers 409; after recovery none runs,
                    // so a reservation the outage stranded must be taken over at once: counted, and it fails.
                    o.retriedInProgress++;
                } else {
                    o.retryFailed++;
                }
            }
            o.duplicates = duplicates();
            o.countMismatch = countMismatch();
            return o;
        }

        /**
         * Each key's reply, retried in passes while the API answers 503: after a pass, wait the Retry-After the API
         * named and send the refused ones again, at most five passes.
         */
        private static List<Response> retried(List<String[]> tokenThreadKey) throws Exception {
            Response[] answers = new Response[tokenThreadKey.size()];
            List<Integer> pending = new ArrayList<>();
            for (int i = 0; i < answers.length; i++) {
                pending.add(i);
            }
            for (int pass = 0; pass < 5 && !pending.isEmpty(); pass++) {
                long wait = 0;
                List<Integer> refused = new ArrayList<>();
                for (int i : pending) {
                    String[] t = tokenThreadKey.get(i);
                    answers[i] = reply(t[0], t[1], t[2]);
                    if (answers[i].status() == 503) {
                        refused.add(i);
                        wait = Math.max(wait,
                                answers[i].headers().firstValue("Retry-After").map(Long::parseLong).orElse(5L));
                    }
                }
                pending = refused;
                if (!pending.isEmpty() && pass < 4) {
                    Thread.sleep(wait * 1000);
                }
            }
            return List.of(answers);
        }

        static void awaitReady() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && status("/q/health/ready") != 200) {
                Thread.sleep(200);
            }
        }

        /** Scenario 5: the application is gone, so SQL only. */
        Outcome stopAndVerifyOffline() throws Exception {
            join();
            Outcome o = verifyStored();
            o.duplicates = duplicates();
            o.countMismatch = countMismatch();
            o.serverErrors = byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue)
                    .sum();
            return o;
        }

        private Outcome verifyStored() throws Exception {
            Outcome o = new Outcome();
            o.byStatus.putAll(byStatus);
            o.acknowledged = acknowledged.size();
            o.unanswered = unanswered.size();
            String[] ids = acknowledged.stream().map(Ack::id).toArray(String[]::new);
            o.missing = acknowledged.size() - count("SELECT count(*) FROM posts WHERE id::text = ANY(?)", (Object) ids);
            // Replayable after a restart too: each acknowledged key's completed record names its reply.
            o.notReplayable = acknowledged.size() - count("SELECT count(*) FROM idempotency_keys k"
                    + " JOIN unnest(?::text[], ?::text[]) AS a(key, id) ON k.idempotency_key = a.key"
                    + " WHERE k.state = 'COMPLETED' AND k.response_status = 201 AND k.response_location LIKE '%' || a.id",
                    acknowledged.stream().map(Ack::key).toArray(String[]::new), ids);
            o.orphans = count("SELECT count(*) FROM posts p WHERE p.parent_id::text = ANY(?) AND p.body LIKE"
                    + " 'fault suite reply %' AND NOT EXISTS (SELECT 1 FROM idempotency_keys k WHERE k.account_id ="
                    + " p.author_id AND k.state = 'COMPLETED' AND 'fault suite reply ' || k.idempotency_key = p.body)",
                    (Object) threads());
            return o;
        }

        private String[] threads() {
            return members.stream().map(m -> m.thread).toArray(String[]::new);
        }

        private long duplicates() throws Exception {
            return count("SELECT count(*) FROM (SELECT body FROM posts WHERE parent_id::text = ANY(?)"
                    + " GROUP BY body HAVING count(*) > 1) d", (Object) threads());
        }

        private long countMismatch() throws Exception {
            return count("SELECT count(*) FROM posts t WHERE t.id::text = ANY(?) AND t.reply_count <> (SELECT count(*)"
                    + " FROM posts r WHERE r.parent_id = t.id AND r.status = 'PUBLISHED')", (Object) threads());
        }

        static final class Outcome {
            final Map<Integer, Integer> byStatus = new TreeMap<>();
            int acknowledged;
            int unanswered;
            long missing;
            long notReplayable;
            long orphans;
            int replayed;
            int replayWrong;
            int retriedOk;
            int retriedReplayed;
            int retryFailed;
            int retriedInProgress;
            long duplicates;
            long countMismatch;
            int serverErrors;

            boolean ok() {
                return missing == 0 && notReplayable == 0 && orphans == 0 && replayWrong == 0 && retryFailed == 0
                        && retriedInProgress == 0 && duplicates == 0 && countMismatch == 0
                        && byStatus.entrySet().stream().noneMatch(e -> e.getKey() >= 500 && e.getKey() != 503)
                        && acknowledged > 0;
            }

            @Override
            public String toString() {
                return byStatus.toString().replace("-1=", "refused=").replace("{0=", "{timeout=") + ": "
                        + acknowledged + " acknowledged, " + missing + " missing, " + notReplayable
                        + " without their replay record; " + replayed + " retries of acknowledged keys replayed the"
                        + " same reply" + (replayWrong > 0 ? " (" + replayWrong + " did not)" : "") + "; " + unanswered
                        + " unanswered keys retried after recovery: " + retriedOk + " × 201 (" + retriedReplayed
                        + " replayed), " + retriedInProgress + " × 409 (reservation still held), " + retryFailed
                        + " failed; " + duplicates + " duplicate replies, " + orphans
                        + " replies without their idempotency record, " + countMismatch + " reply counts off";
            }
        }
    }

    /** Polls readiness every 100 ms and remembers when it answered what. */
    static final class Readiness {
        record Sample(Instant at, int status) {
        }

        final List<Sample> samples = new CopyOnWriteArrayList<>();
        final AtomicBoolean running = new AtomicBoolean(true);

        static Readiness watch() {
            Readiness r = new Readiness();
            Thread t = new Thread(() -> {
                while (r.running.get()) {
                    r.samples.add(new Sample(Instant.now(), status("/q/health/ready")));
                    sleep(100);
                }
            });
            t.setDaemon(true);
            t.start();
            return r;
        }

        Instant firstDownAfter(Instant after) {
            return samples.stream().filter(s -> s.at.isAfter(after) && s.status != 200).map(Sample::at).findFirst()
                    .orElse(null);
        }

        Instant awaitUpAfter(Instant after, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (Sample s : samples) {
                    if (s.at.isAfter(after) && s.status == 200) {
                        return s.at;
                    }
                }
                Thread.sleep(50);
            }
            return null;
        }

        void stop() {
            running.set(false);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The TCP proxy between the application and PostgreSQL: passes, delays each answer, or cuts everything. */
    static final class Proxy {
        final int port;
        final int upstream;
        volatile int latencyMs;
        volatile ServerSocket server;
        final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

        Proxy(int port, int upstream) {
            this.port = port;
            this.upstream = upstream;
        }

        /** Accepts connections again (PostgreSQL "back"). */
        synchronized void open() throws IOException {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = s;
            Thread accept = new Thread(() -> {
                while (!s.isClosed()) {
                    try {
                        Socket client = s.accept();
                        Socket db = new Socket(InetAddress.getLoopbackAddress(), upstream);
                        sockets.add(client);
                        sockets.add(db);
                        pump(client, db, false);
                        pump(db, client, true);
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
        }

        /** Refuses new connections and resets every open one (PostgreSQL "stopped"). */
        synchronized void cut() throws IOException {
            server.close();
            for (Socket s : sockets) {
                try {
                    s.setSoLinger(true, 0);
                    s.close();
                } catch (IOException e) {
                    // already gone
                }
            }
            sockets.clear();
        }

        void close() throws IOException {
            cut();
        }

        /** Resets every open connection but keeps accepting new ones (a network blip, a killed backend). */
        int resetOpenConnections() {
            List<Socket> open = new ArrayList<>(sockets);
            for (Socket s : open) {
                try {
                    s.setSoLinger(true, 0);
                    s.close();
                } catch (IOException e) {
                    // already gone
                }
                sockets.remove(s);
            }
            return open.size() / 2;
        }

        /**
         * Copies one direction of a connection. Answers ({@code delayed}) are held {@code latencyMs} after they
         * arrived, each chunk on its own clock, so a delay is latency: an answer PostgreSQL writes in three chunks
         * arrives {@code latencyMs} late, not three times that. (A first version slept before writing each chunk, one
         * after the other: a several-chunk answer took a multiple of the latency, which is a slow link, not a far one,
         * and made scenario 2b's reads take four or five "round trips" at random.)
         */
        private void pump(Socket from, Socket to, boolean delayed) {
            java.util.concurrent.BlockingQueue<Object[]> chunks = new java.util.concurrent.LinkedBlockingQueue<>();
            byte[] end = new byte[0];
            Thread writer = new Thread(() -> {
                try (OutputStream out = to.getOutputStream()) {
                    while (true) {
                        Object[] chunk = chunks.take();
                        byte[] bytes = (byte[]) chunk[1];
                        if (bytes == end) {
                            return;
                        }
                        long wait = (long) chunk[0] - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        out.write(bytes);
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // connection ended
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            });
            writer.setDaemon(true);
            writer.start();
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[16384];
                try (InputStream in = from.getInputStream()) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        int delay = delayed ? latencyMs : 0;
                        chunks.add(new Object[]{System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay),
                                Arrays.copyOf(buffer, n)});
                    }
                } catch (IOException e) {
                    // connection ended
                } finally {
                    chunks.add(new Object[]{0L, end});
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        private void closeQuietly(Socket s) {
            sockets.remove(s);
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
