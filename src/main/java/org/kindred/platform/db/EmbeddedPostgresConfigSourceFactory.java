package org.kindred.platform.db;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Points the datasource at an embedded PostgreSQL when no database URL is configured and the profile is dev or
 * test. Dev mode keeps its data in a local directory; tests get a fresh, throw-away cluster per JVM. The prod
 * profile never starts one: without a URL it refuses to start with a one-line message.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String MISSING_URL_MESSAGE = "Kindred cannot start: no database configured. Set QUARKUS_DATASOURCE_JDBC_URL "
            + "(e.g. jdbc:postgresql://db:5432/kindred) and QUARKUS_DATASOURCE_USERNAME / QUARKUS_DATASOURCE_PASSWORD.";
    /** Below application.properties (250) and environment variables (300): anything configured wins. */
    private static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean urlSet = isSet(context.getValue(URL_PROPERTY));
        List<String> profiles = context.getProfiles();
        if (refusesToStart(profiles, urlSet, ExecutionMode.current())) {
            System.err.println(MISSING_URL_MESSAGE);
            System.err.flush();
            Runtime.getRuntime().halt(1); // exit() would wait on Quarkus shutdown hooks that cannot run yet
        }
        if (urlSet || !embeddedWanted(context)) {
            return List.of();
        }
        boolean dev = profiles.contains("dev");
        String dataDirectory = dev ? valueOr(context, "kindred.embedded-db.data-dir", ".kindred/dev-db") : null;
        String jdbcUrl = EmbeddedPostgresLauncher.start(dataDirectory);
        return List.of(new PropertiesConfigSource(
                Map.of(URL_PROPERTY, jdbcUrl, "quarkus.datasource.username", "postgres",
                        "quarkus.datasource.password", ""),
                "embedded-postgres", ORDINAL));
    }

    /** True when the application (not the build, which runs with the prod profile too) starts in prod without a URL. */
    static boolean refusesToStart(List<String> profiles, boolean urlSet, ExecutionMode mode) {
        return !urlSet && mode == ExecutionMode.RUNTIME_INIT && !profiles.contains("dev") && !profiles.contains("test");
    }

    private static boolean embeddedWanted(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        if (!(profiles.contains("dev") || profiles.contains("test"))) {
            return false;
        }
        return !"false".equalsIgnoreCase(valueOr(context, "kindred.embedded-db.enabled", "true"));
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String valueOr(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return isSet(value) ? value.getValue() : fallback;
    }
}
