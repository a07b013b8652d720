package org.kindred.platform.db;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts one embedded PostgreSQL per JVM. The JDBC URL is kept in a system property so that dev-mode reloads and
 * the test framework, which load this class again in fresh class loaders, reuse the running server.
 */
final class EmbeddedPostgresLauncher {

    private static final String RUNNING_URL = "kindred.embedded-db.running-url";
    private static final String DATABASE = "kindred";

    private EmbeddedPostgresLauncher() {
    }

    static synchronized String start(String persistentDataDirectory) {
        String running = System.getProperty(RUNNING_URL);
        if (running != null) {
            return running;
        }
        try {
            Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("No database configured: set QUARKUS_DATASOURCE_JDBC_URL "
                    + "(the embedded PostgreSQL is only available in dev mode and tests)");
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "300");
            if (persistentDataDirectory != null) {
                File dir = new File(persistentDataDirectory).getAbsoluteFile();
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            createDatabaseIfMissing(postgres);
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
            System.setProperty(RUNNING_URL, url);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement
                    .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IOException("Could not create the embedded database", e);
        }
    }
}
