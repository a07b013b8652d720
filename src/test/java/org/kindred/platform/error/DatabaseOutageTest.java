package org.kindred.platform.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import javax.transaction.xa.XAException;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;

import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import io.quarkus.security.AuthenticationFailedException;

/**
 * Each way a lost, refused, reset, saturated or read-only database reaches the application, wrapped the way CDI, JTA,
 * Hibernate, the Agroal pool and pgjdbc wrap it, is recognised as an outage (503); errors a request causes are not.
 */
class DatabaseOutageTest {

    private static PSQLException refused() {
        return new PSQLException("Connection to 127.0.0.1:5432 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
    }

    private static PSQLException ioError() {
        return new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);
    }

    /** An error the server sent, parsed by pgjdbc as it parses the wire message. */
    private static PSQLException server(String state, String message) {
        return new PSQLException(new ServerErrorMessage("SERROR\0C" + state + "\0M" + message + "\0"));
    }

    /** Agroal's own wording, without an SQLSTATE, caused by a TimeoutException. */
    private static SQLException poolTimeout() {
        return new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException());
    }

    /** Agroal's local XA resource, when the commit cannot reach the database. */
    private static XAException commitFailed(Throwable driver) {
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.errorCode = XAException.XA_RBCOMMFAIL;
        xa.initCause(driver);
        return xa;
    }

    @Test
    void driverRefusedConnection() {
        assertEquals("08001", refused().getSQLState());
        assertTrue(DatabaseOutage.recognises(refused()));
    }

    @Test
    void driverConnectionResetMidStatement() {
        assertEquals("08006", ioError().getSQLState());
        assertTrue(DatabaseOutage.recognises(ioError()));
    }

    @Test
    void driverServerTerminatedOrShuttingDown() {
        assertTrue(DatabaseOutage.recognises(server("57P01", "terminating connection due to administrator command")));
        assertTrue(
                DatabaseOutage.recognises(server("57P02", "terminating connection due to crash of another process")));
        assertTrue(DatabaseOutage.recognises(server("57P03", "the database system is starting up")));
    }

    @Test
    void driverReadOnlyAfterFailover() {
        PSQLException readOnly = server("25006", "cannot execute INSERT in a read-only transaction");
        assertEquals("25006", readOnly.getSQLState());
        assertTrue(DatabaseOutage.recognises(readOnly));
    }

    @Test
    void driverTooManyConnectionsOrDiskFull() {
        assertTrue(DatabaseOutage.recognises(server("53300", "sorry, too many clients already")));
        assertTrue(DatabaseOutage.recognises(server("53100", "could not extend file: No space left on device")));
    }

    @Test
    void driverStatementTimeoutAndIdleInTransactionTimeout() {
        assertTrue(DatabaseOutage.recognises(server("57014", "canceling statement due to statement timeout")));
        assertTrue(DatabaseOutage
                .recognises(server("25P03", "terminating connection due to idle-in-transaction timeout")));
    }

    /** What opens the outage short circuit (DatabaseGate): no new connection to be had, not one broken request. */
    @Test
    void unreachableIsNoNewConnectionNotOneBrokenRequest() {
        assertTrue(DatabaseOutage.unreachable(refused()));
        assertTrue(DatabaseOutage.unreachable(poolTimeout()));
        assertTrue(DatabaseOutage.unreachable(
                new GenericJDBCException("Unable to acquire JDBC Connection", poolTimeout())));
        assertTrue(DatabaseOutage.unreachable(new org.hibernate.exception.JDBCConnectionException(
                "Unable to open JDBC Connection", refused())));
        assertTrue(DatabaseOutage.unreachable(server("53300", "sorry, too many clients already")));
        assertTrue(DatabaseOutage.unreachable(server("57P03", "the database system is starting up")));
        assertFalse(DatabaseOutage.unreachable(ioError()));
        assertFalse(DatabaseOutage.unreachable(server("57P01", "terminating connection due to administrator command")));
        assertFalse(DatabaseOutage.unreachable(server("25006", "cannot execute INSERT in a read-only transaction")));
        assertFalse(DatabaseOutage.unreachable(server("57014", "canceling statement due to statement timeout")));
        assertFalse(DatabaseOutage.unreachable(server("53100", "could not extend file: No space left on device")));
        assertFalse(DatabaseOutage.unreachable(server("23505", "duplicate key value violates unique constraint")));
    }

    @Test
    void poolAcquisitionTimeout() {
        assertTrue(DatabaseOutage.recognises(poolTimeout()));
        // Every connection in use (the pool exhausted): Agroal's other message.
        assertTrue(DatabaseOutage.recognises(new SQLException("Sorry, acquisition timeout!")));
        // ... but a saturated pool is not an unreachable database: no short circuit for it.
        assertFalse(DatabaseOutage.unreachable(new SQLException("Sorry, acquisition timeout!")));
    }

    @Test
    void poolTimeoutWrappedByHibernate() {
        assertTrue(
                DatabaseOutage
                        .recognises(new GenericJDBCException("Unable to acquire JDBC Connection", poolTimeout())));
    }

    @Test
    void hibernateConnectionException() {
        assertTrue(DatabaseOutage.recognises(new JDBCConnectionException("could not execute statement", ioError())));
    }

    @Test
    void hibernateGenericExceptionWithOutageState() {
        assertTrue(DatabaseOutage.recognises(new GenericJDBCException("could not execute statement",
                server("25006", "cannot execute UPDATE in a read-only transaction"))));
        assertTrue(DatabaseOutage.recognises(new GenericJDBCException("could not execute query",
                server("57P01", "terminating connection due to administrator command"))));
    }

    @Test
    void jtaRollbackWithTheDriverErrorAsCause() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.initCause(commitFailed(ioError()));
        assertTrue(DatabaseOutage.recognises(rollback));
    }

    @Test
    void jtaRollbackWithTheDriverErrorSuppressed() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(commitFailed(ioError()));
        assertTrue(DatabaseOutage.recognises(rollback));
    }

    @Test
    void jtaHeuristicAndSystemExceptions() {
        HeuristicMixedException heuristic = new HeuristicMixedException("commit failed");
        heuristic.initCause(commitFailed(refused()));
        assertTrue(DatabaseOutage.recognises(heuristic));
        SystemException system = new SystemException("rollback failed");
        system.initCause(new XAException(XAException.XAER_RMFAIL));
        assertTrue(DatabaseOutage.recognises(system));
    }

    @Test
    void cdiUndeclaredThrowableAroundTransactionalMethod() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(commitFailed(ioError()));
        assertTrue(DatabaseOutage.recognises(new ArcUndeclaredThrowableException(rollback)));
        assertTrue(DatabaseOutage.recognises(new ArcUndeclaredThrowableException(
                new JDBCConnectionException("could not prepare statement", ioError()))));
    }

    @Test
    void driverNextExceptionChain() {
        SQLException outer = new SQLException("Batch failed");
        outer.setNextException(server("57P01", "terminating connection due to administrator command"));
        assertTrue(DatabaseOutage.recognises(outer));
    }

    @Test
    void handWrittenJdbcOfTheIdempotencyStoreAndSessionCheck() {
        assertTrue(DatabaseOutage.recognises(new IllegalStateException("Idempotency store unavailable", refused())));
        assertTrue(DatabaseOutage.recognises(
                new AuthenticationFailedException(new IllegalStateException("Session check failed", poolTimeout()))));
    }

    @Test
    void errorsARequestCausesAreNotOutages() {
        assertFalse(DatabaseOutage.recognises(server("23505", "duplicate key value violates unique constraint")));
        assertFalse(DatabaseOutage.recognises(server("40001", "could not serialize access")));
        assertFalse(DatabaseOutage.recognises(server("40P01", "deadlock detected")));
        assertFalse(DatabaseOutage.recognises(server("42601", "syntax error")));
        assertFalse(DatabaseOutage.recognises(new SQLException("no state, not the pool")));
        assertFalse(DatabaseOutage.recognises(new RollbackException("marked rollback-only")));
        assertFalse(DatabaseOutage.recognises(new IllegalArgumentException("a bug")));
        assertFalse(DatabaseOutage.recognises(null));
    }

    @Test
    void causeCyclesEnd() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertFalse(DatabaseOutage.recognises(a));
    }
}
