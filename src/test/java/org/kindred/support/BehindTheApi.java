package org.kindred.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Changes made behind the API's back, as another replica or an operator's SQL would make them, and how long the API
 * takes to notice: for the per-replica memories of access facts (issue 20), which must notice within a second.
 */
public final class BehindTheApi {

    private BehindTheApi() {
    }

    /** Something that holds (or not) now. */
    public interface Condition {
        boolean holds() throws Exception;
    }

    /**
     * A statement on a connection of its own, without waiting for the replica to hear of it (unlike
     * {@link Api#sql}).
     */
    public static void sql(String statement, Object... parameters) throws SQLException {
        try (Connection connection = Api.dataSource().getConnection();
                PreparedStatement ps = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.execute();
        }
    }

    /** Milliseconds until the condition held (gives up after 10 s and returns the time spent). */
    public static long millisUntil(Condition condition) throws Exception {
        long start = System.nanoTime();
        while (!condition.holds()) {
            if (System.nanoTime() - start > 10_000_000_000L) {
                break;
            }
            Thread.sleep(5);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
