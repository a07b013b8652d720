package org.kindred.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.handlers.ConsoleHandler;

/** Records what the application logs while a test runs (with the MDC as it was when the line was written). */
public final class LogCapture extends ExtHandler implements AutoCloseable {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger root = LogContext.getLogContext().getLogger("");

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.root.addHandler(capture);
        return capture;
    }

    @Override
    protected void doPublish(ExtLogRecord record) {
        record.copyAll();
        records.add(record);
    }

    public List<ExtLogRecord> records() {
        return List.copyOf(records);
    }

    /** The formatter of the application's console handler: the JSON formatter when JSON logs are enabled. */
    public Optional<Formatter> consoleFormatter() {
        Deque<Handler> todo = new ArrayDeque<>(List.of(root.getHandlers()));
        while (!todo.isEmpty()) {
            Handler handler = todo.pop();
            if (handler instanceof ConsoleHandler) {
                return Optional.ofNullable(handler.getFormatter());
            }
            if (handler instanceof ExtHandler ext) {
                todo.addAll(List.of(ext.getHandlers()));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
