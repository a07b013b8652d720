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

    /** Agroal's pool gives up waiting for a connection with a plain SQLException and this message, no SQLState. */
    private static final String POOL_TIMEOUT = "Acquisition timeout";

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
     * Whether this failure says the database cannot be reached at all, so the next request would fail the same way:
     * a refused, reset or closed connection (class 08 and the connection exception types), the pool unable to hand
     * out a connection, too many connections (53300), or a server shutting down, crashed or starting (57P01-57P03).
     * A read-only transaction, a statement timeout or a full disk are outages of one request, not of the database.
     */
    public static boolean unreachable(Throwable failure) {
        return search(failure, DatabaseOutage::isUnreachable);
    }

    private static boolean isUnreachable(Throwable t) {
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.equals("53300") || state.equals("57P01") || state.equals("57P02")
                    || state.equals("57P03");
        }
        return isOutage(t);
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
                return (message != null && message.startsWith(POOL_TIMEOUT))
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
