package org.kindred.platform.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Connections of their own for the threads that LISTEN (live notification streams, the session cache): outside the
 * pool, since a pooled connection would be taken for as long as the replica runs, and named so an operator sees them
 * in {@code pg_stat_activity}. Opening fails within 5 s, and a read stalls at most 5 s, so a dead server is noticed.
 */
public final class ListenConnections {

    private ListenConnections() {
    }

    public static Connection open(String url, Optional<String> username, Optional<String> password,
            String applicationName) throws SQLException {
        Properties props = new Properties();
        username.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "5");
        return DriverManager.getConnection(url, props);
    }
}
