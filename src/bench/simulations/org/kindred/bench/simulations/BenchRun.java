package org.kindred.bench.simulations;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * What the orchestrator (src/bench/java, org.kindred.bench.Benchmark) prepared for this run: the server's address,
 * the concurrency, the warm-up and measured durations and the feeder files. Read from the properties file named by
 * the system property {@code bench.run}, which the Gatling Maven plugin passes on to the simulation.
 */
final class BenchRun {

    private static final Properties PROPERTIES = load();

    private BenchRun() {
    }

    static String baseUrl() {
        return value("baseUrl");
    }

    static int users() {
        return Integer.parseInt(value("users"));
    }

    static Duration warmUp() {
        return Duration.ofSeconds(Long.parseLong(value("warmUpSeconds")));
    }

    static Duration serverWarmUp() {
        return Duration.ofSeconds(Long.parseLong(value("serverWarmUpSeconds")));
    }

    static Duration measured() {
        return Duration.ofSeconds(Long.parseLong(value("durationSeconds")));
    }

    static double loginsPerSecond() {
        return Double.parseDouble(value("loginsPerSecond"));
    }

    static String password() {
        return value("password");
    }

    /** A CSV feeder file written by the orchestrator, by name (readers, deepPages, threads, replies, logins). */
    static String feeder(String name) {
        return value("feeder." + name);
    }

    private static String value(String key) {
        String value = PROPERTIES.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("bench.run has no '" + key + "'");
        }
        return value;
    }

    private static Properties load() {
        String file = System.getProperty("bench.run");
        if (file == null) {
            throw new IllegalStateException(
                    "Run the simulations through the benchmark (./mvnw -Pbench verify): -Dbench.run is not set");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
        return properties;
    }
}
