package org.kindred.platform.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAreRecognisedWhereverTheyAreWrapped() {
        assertTrue(ProblemMapper.databaseUnavailable(new RuntimeException(new SQLException("gone", "08006"))));
        assertTrue(ProblemMapper.databaseUnavailable(new IllegalStateException("x",
                new SQLTransientConnectionException("Acquisition timeout while waiting for new connection"))));
        assertTrue(ProblemMapper
                .databaseUnavailable(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(ProblemMapper.databaseUnavailable(new SQLException("too many clients", "53300")));
        assertFalse(ProblemMapper.databaseUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(ProblemMapper.databaseUnavailable(new IllegalArgumentException("a bug")));
    }
}
