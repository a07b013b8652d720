package org.kindred.platform.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import javax.transaction.xa.XAException;

/**
 * The one rule for "the database is out of reach, not broken by this request": a lost, refused, reset, saturated or
 * read-only (failed-over) connection, however it is wrapped. CDI (ArcUndeclaredThrowableException), JTA
 * (RollbackException with the driver's error as cause or suppressed), Hibernate (JDBCConnectionException,
 * GenericJDBCException), the Agroal pool and the pgjdbc driver all hide the fact at a different depth, so the whole
 * cause graph is searched: causes, suppressed exceptions and SQLException's next-exception chain. Such a failure is a
 * 503 the client may retry, never a 500.
 */
public final class DatabaseOutage {

    /**
     * Agroal's pool gives up waiting for a connection with a plain SQLException, no SQLState, and one of two messages:
     * "Acquisition timeout while waiting for new connection" (it was opening one) or "Sorry, acquisition timeout!"
     * (every connection was in use: the pool is exhausted, found by DatabaseGateTest as a 500 before).
     */
    private static final String POOL_TIMEOUT = "acquisition timeout";
    private static final String NEW_CONNECTION_TIMEOUT = "while waiting for new connection";

    private DatabaseOutage() {
    }

    /** Whether this failure, or anything it wraps, says the database cannot be used right now. */
    public static boolean recognises(Throwable failure) {
        return search(failure, DatabaseOutage::isOutage);
    }

    private static boolean search(Throwable failure, java.util.function.Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        enqueue(pending, failure);
        while (!pending.isEmpty() && seen.size() < 64) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (test.test(t)) {
                return true;
            }
            enqueue(pending, t.getCause());
            for (Throwable suppressed : t.getSuppressed()) {
                enqueue(pending, suppressed);
            }
            if (t instanceof SQLException sql) {
                enqueue(pending, sql.getNextException());
            }
        }
        return false;
    }

    /**
     * Whether this failure says no new connection can be had, so the next request would fail the same way: the
     * server refused or could not be reached, or the pool timed out opening a connection (see {@link #refused} and
     * {@link #connectTimedOut}). A pool whose connections are all busy is not unreachable. A connection that broke
     * under a request (reset, terminated by an administrator or a failover: 08006, 57P01) is not enough: a fresh one
     * may well work, and does after a failover. Nor are a read-only transaction, a statement timeout or a full disk:
     * they fail that request, not the next.
     */
    public static boolean unreachable(Throwable failure) {
        return refused(failure) || connectTimedOut(failure);
    }

    /**
     * The server answered "no": refused or could not be reached (08001, 08004), has no connection left (53300) or is
     * starting (57P03). Certain: the next connection attempt fails the same way.
     */
    public static boolean refused(Throwable failure) {
        return search(failure, t -> t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().equals("08001") || sql.getSQLState().equals("08004")
                        || sql.getSQLState().equals("53300") || sql.getSQLState().equals("57P03")));
    }

    /**
     * The pool timed out opening a connection: a black-holed server, or only a busy machine where the pool opens
     * connections one at a time behind a crowd of waiting requests. Not certain: DatabaseGate confirms it with a
     * connection of its own before it answers everyone 503. Not "Sorry, acquisition timeout!", which means every
     * connection is busy: a saturated pool, whose requests wait and get 503 one by one.
     */
    public static boolean connectTimedOut(Throwable failure) {
        return search(failure, t -> t instanceof SQLException sql && sql.getSQLState() == null
                && ((sql.getMessage() != null && sql.getMessage().contains(NEW_CONNECTION_TIMEOUT))
                        || sql.getCause() instanceof TimeoutException));
    }

    /**
     * For logs: the exception types and SQLSTATEs of the cause chain, e.g. {@code IllegalStateException <
     * PSQLException[08001]}. No messages, which may quote data.
     */
    public static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (depth > 0) {
                out.append(" < ");
            }
            out.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                out.append('[').append(sql.getSQLState()).append(']');
            }
        }
        return out.toString();
    }

    private static void enqueue(Deque<Throwable> pending, Throwable t) {
        if (t != null) {
            pending.add(t);
        }
    }

    private static boolean isOutage(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException
                || t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (t instanceof XAException xa) {
            // The pool's local transaction could not reach the database to commit or roll back.
            return xa.errorCode == XAException.XA_RBCOMMFAIL || xa.errorCode == XAException.XAER_RMFAIL;
        }
        if (t instanceof SQLException sql) {
            if (sql.getSQLState() == null) {
                String message = sql.getMessage();
                return (message != null && message.toLowerCase(java.util.Locale.ROOT).contains(POOL_TIMEOUT))
                        || sql.getCause() instanceof TimeoutException;
            }
            return outageState(sql.getSQLState());
        }
        return false;
    }

    /**
     * SQLSTATEs of an outage: class 08 (connection exception: refused, reset, closed), class 53 (insufficient
     * resources: too many connections, disk full, out of memory), 57P01-57P03 (server shutting down, crashed or
     * starting), 57014 (our statement_timeout cancelled a statement on a database too slow to answer), 25006 (read-only
     * transaction: a failover left us on a standby or a primary turned read-only) and 25P03 (idle-in-transaction
     * timeout ended the session). Serialization failures (40001) and deadlocks (40P01) are not outages.
     */
    static boolean outageState(String state) {
        return state.startsWith("08") || state.startsWith("53") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("57014") || state.equals("25006") || state.equals("25P03");
    }
}
