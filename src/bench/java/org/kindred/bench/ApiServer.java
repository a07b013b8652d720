package org.kindred.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The application under test: the packaged jar (target/quarkus-app/quarkus-run.jar) in its own JVM (pinned to the
 * server CPUs only when pinning is asked for), configured only through the environment as in production. Flyway creates the schema at start; the
 * curated seeds are loaded so the resource feed has content. Rate limits are raised far above what the load generator
 * can send (their checks still run on every request), and access tokens live 15 minutes, the longest allowed.
 */
final class ApiServer implements AutoCloseable {

    static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(15);
    private static final String[] RATE_LIMIT_CLASSES = {"LOGIN", "REGISTER", "REFRESH", "PASSWORD", "READ", "WRITE",
            "PUBLIC_FEED", "REPORT", "EXPORT"};
    private static final String UNLIMITED = "1000000000";

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private ApiServer(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    static ApiServer start(BenchSettings settings, String database, Path directory) throws Exception {
        Path jar = settings.basedir().resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: run ./mvnw -Pbench verify (it packages the application)");
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", settings.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", settings.dbUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", settings.dbPassword());
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(settings.port()));
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.put("KINDRED_AUTH_KEYS_DIR", signingKeys(directory.resolve("keys")).toString());
        env.put("KINDRED_CURSOR_SECRET", randomSecret());
        // The prod profile refuses to start without the journal's key-encryption keys and the evidence signing keys.
        env.put("KINDRED_JOURNAL_KEK_DIR", journalKeks(directory.resolve("keks")).toString());
        env.put("KINDRED_EVIDENCE_KEY_DIR", evidenceKeys(directory.resolve("evidence-keys")).toString());
        env.put("KINDRED_AUTH_ACCESS_TOKEN_TTL", ACCESS_TOKEN_TTL.toString());
        env.put("KINDRED_SEEDS_LOAD_AT_STARTUP", "true");
        for (String actionClass : RATE_LIMIT_CLASSES) {
            env.put("KINDRED_RATE_LIMIT_CLASSES_" + actionClass + "_PER_IP", UNLIMITED);
            env.put("KINDRED_RATE_LIMIT_CLASSES_" + actionClass + "_PER_ACCOUNT", UNLIMITED);
        }
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(settings.serverJvmArgs());
        command.addAll(List.of("-jar", jar.toString()));
        Path log = directory.resolve("server.log");
        Process process = Processes.start(Processes.pinned(settings.serverCpus(), command), env, log);
        ApiServer server = new ApiServer(process, "http://127.0.0.1:" + settings.port(), log);
        server.awaitReady(Duration.ofMinutes(5));
        return server;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The server's process, for its CPU time. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped while starting:\n" + Processes.tail(log, 30));
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The server was not ready within " + timeout + ":\n" + Processes.tail(log, 30));
    }

    @Override
    public void close() {
        Processes.stop(process);
    }

    /** A fresh RSA key (PKCS#8 PEM) for the server to sign access tokens with; the file name is the key id. */
    private static Path signingKeys(Path directory) throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return privateKey(directory, generator);
    }

    /** A fresh Ed25519 evidence signing key (PKCS#8 PEM). */
    private static Path evidenceKeys(Path directory) throws IOException, NoSuchAlgorithmException {
        return privateKey(directory, KeyPairGenerator.getInstance("Ed25519"));
    }

    private static Path privateKey(Path directory, KeyPairGenerator generator) throws IOException {
        Files.createDirectories(directory);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(directory.resolve("bench.pem"), pem);
        return directory;
    }

    /** A fresh 256-bit journal key-encryption key (base64), named like the fault suite's. */
    private static Path journalKeks(Path directory) throws IOException {
        Files.createDirectories(directory);
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        Files.writeString(directory.resolve("bench.key"), Base64.getEncoder().encodeToString(kek));
        return directory;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
