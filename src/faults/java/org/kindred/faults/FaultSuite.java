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

/**
 * The fault suite (README "Reliability under faults"): starts the packaged application (prod profile) against its own
 * database on the local PostgreSQL, through an in-process TCP proxy that injects the faults, puts read load on it and
 * prints one PASS/FAIL line with figures per scenario, also written to target/faults/results.md.
 */
public final class FaultSuite {

    private static final String ADMIN_URL = System.getProperty("faults.jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String DATABASE = System.getProperty("faults.database", "kindred_faults");
    private static final int PG_PORT = Integer.getInteger("faults.pgPort", 5432);
    private static final int PROXY_PORT = Integer.getInteger("faults.proxyPort", 15432);
    private static final int APP_PORT = Integer.getInteger("faults.port", 8091);
    private static final int READERS = Integer.getInteger("faults.readers", 16);
    private static final String BASE = "http://127.0.0.1:" + APP_PORT;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<String> LINES = new ArrayList<>();

    private FaultSuite() {
    }

    public static void main(String[] args) throws Exception {
        Path basedir = Path.of(System.getProperty("faults.basedir", "."));
        Path out = basedir.resolve("target/faults");
        Files.createDirectories(out);
        recreateDatabase();
        Proxy proxy = new Proxy(PROXY_PORT, PG_PORT);
        proxy.open();
        Process app = startApp(basedir, out);
        boolean allPassed = true;
        try {
            allPassed &= stopped(proxy);
            allPassed &= latency(proxy);
            allPassed &= readOnly();
            allPassed &= sigterm(app);
        } finally {
            app.destroyForcibly();
            proxy.close();
        }
        report("3. Connections reset mid-transaction", "not implemented in this suite yet", "NOT RUN");
        report("6. Login storm while members read", "not implemented in this suite yet", "NOT RUN");
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
    static boolean stopped(Proxy proxy) throws Exception {
        Readiness readiness = Readiness.watch();
        Load load = Load.start(READERS);
        Thread.sleep(3000);
        Instant stop = Instant.now();
        proxy.cut();
        Thread.sleep(15000);
        Instant back = Instant.now();
        proxy.open();
        Instant up = readiness.awaitUpAfter(back, Duration.ofSeconds(30));
        Instant firstOk = load.firstOkAfter(back, Duration.ofSeconds(30));
        Thread.sleep(2000);
        Load.Stats stats = load.stop();
        readiness.stop();
        Instant down = readiness.firstDownAfter(stop);
        String figures = stats + "; ready DOWN after " + seconds(stop, down) + ", UP " + seconds(back, up)
                + " after PostgreSQL returned; first 200 " + seconds(back, firstOk) + " after";
        boolean pass = stats.serverErrorsOtherThan503 == 0 && stats.timeouts == 0 && stats.slowestMs <= 1500
                && down != null && up != null;
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
            int ready = status("/q/health/ready");
            proxy.latencyMs = 0;
            Load.Stats stats = load.stop();
            Load.Stats liveStats = live.stop();
            boolean ok = stats.serverErrorsOtherThan503 == 0 && stats.timeouts == 0 && liveStats.slowestMs < 1000;
            pass &= ok;
            report("2. Latency " + ms + " ms per round trip", stats + "; liveness slowest " + liveStats.slowestMs
                    + " ms; readiness answered " + ready, ok ? "PASS" : "FAIL");
            Thread.sleep(3000);
        }
        return pass;
    }

    /** 4. The primary turns read-only (default_transaction_read_only, backends ended as a failover would). */
    static boolean readOnly() throws Exception {
        admin("ALTER DATABASE " + DATABASE + " SET default_transaction_read_only = on");
        terminateBackends();
        Load load = Load.start(READERS);
        Thread.sleep(8000);
        Load.Stats stats = load.stop();
        admin("ALTER DATABASE " + DATABASE + " RESET default_transaction_read_only");
        terminateBackends();
        Thread.sleep(3000);
        boolean pass = stats.serverErrorsOtherThan503 == 0 && stats.ok > stats.total / 2;
        return report("4. Primary turned read-only (reads only; writes not measured)", stats.toString(),
                pass ? "PASS" : "FAIL");
    }

    /** 5. SIGTERM under read load: no 5xx, exit within shutdown delay + timeout (30 s). */
    static boolean sigterm(Process app) throws Exception {
        Readiness readiness = Readiness.watch();
        Load load = Load.start(READERS);
        Thread.sleep(2000);
        Instant term = Instant.now();
        app.destroy();
        boolean exited = app.waitFor(40, TimeUnit.SECONDS);
        Instant exit = Instant.now();
        Load.Stats stats = load.stop();
        readiness.stop();
        Instant down = readiness.firstDownAfter(term);
        boolean pass = exited && stats.serverErrors == 0 && Duration.between(term, exit).toSeconds() <= 31;
        return report("5. SIGTERM under read load",
                stats + "; ready DOWN after " + seconds(term, down) + "; exited after " + seconds(term, exit),
                pass ? "PASS" : "FAIL");
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
        Files.createDirectories(keys);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Files.writeString(keys.resolve("faults.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
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
        env.put("KINDRED_SEEDS_LOAD_AT_STARTUP", "true");
        for (String c : List.of("LOGIN", "REGISTER", "REFRESH", "PASSWORD", "READ", "WRITE", "PUBLIC_FEED", "REPORT",
                "EXPORT")) {
            env.put("KINDRED_RATE_LIMIT_CLASSES_" + c + "_PER_IP", "1000000000");
            env.put("KINDRED_RATE_LIMIT_CLASSES_" + c + "_PER_ACCOUNT", "1000000000");
        }
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

    // --- database administration (directly, not through the proxy) ----------------------------------------------

    private static void recreateDatabase() throws Exception {
        admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        admin("CREATE DATABASE " + DATABASE);
    }

    private static void terminateBackends() throws Exception {
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL + "postgres", "postgres", "");
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
            Load load = new Load();
            for (int i = 0; i < users; i++) {
                Thread t = new Thread(() -> {
                    while (load.running.get()) {
                        long start = System.nanoTime();
                        int status;
                        boolean retryAfter = false;
                        try {
                            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path))
                                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
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

        private void pump(Socket from, Socket to, boolean delayed) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[16384];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        int delay = latencyMs;
                        if (delayed && delay > 0) {
                            Thread.sleep(delay);
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // connection ended
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            });
            t.setDaemon(true);
            t.start();
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
