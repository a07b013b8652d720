package org.kindred.notifications;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.kindred.notifications.NotificationRepository.Row;
import org.kindred.platform.db.ListenConnections;
import org.kindred.platform.error.TooManyRequestsException;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * The live streams of this replica. One thread holds a PostgreSQL connection that LISTENs on
 * {@link NotificationRepository#CHANNEL}; a notification committed on any replica wakes the streams of its
 * recipient here, and each stream sends what its inbox holds after the last event it sent. So an event id is an inbox
 * position, a client resumes with {@code Last-Event-ID}, and a missed wake-up (the listener reconnecting) is caught
 * up by the next one or the heartbeat. Events carry only the notification's id, kind and the unread count.
 */
@ApplicationScoped
public class NotificationStreams {

    private static final Logger LOG = Logger.getLogger(NotificationStreams.class);

    /** One open stream. */
    static final class Stream {
        final UUID accountId;
        final SseEventSink sink;
        final Sse sse;
        final Instant expiresAt;
        long lastSeq;

        Stream(UUID accountId, SseEventSink sink, Sse sse, Instant expiresAt, long lastSeq) {
            this.accountId = accountId;
            this.sink = sink;
            this.sse = sse;
            this.expiresAt = expiresAt;
            this.lastSeq = lastSeq;
        }
    }

    private final NotificationRepository notifications;
    private final Clock clock;
    private final Duration heartbeat;
    private final int maxPerAccount;
    private final int replayLimit;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Map<UUID, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(2, daemon("kindred-sse"));
    private final ScheduledExecutorService ticker = Executors
            .newSingleThreadScheduledExecutor(daemon("kindred-sse-tick"));
    private volatile Thread listener;
    private volatile boolean stopping;

    public NotificationStreams(NotificationRepository notifications, Clock clock,
            @ConfigProperty(name = "kindred.notifications.stream.heartbeat", defaultValue = "15S") Duration heartbeat,
            @ConfigProperty(name = "kindred.notifications.stream.max-per-account", defaultValue = "5") int maxPerAccount,
            @ConfigProperty(name = "kindred.notifications.stream.replay-limit", defaultValue = "100") int replayLimit,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.notifications = notifications;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.maxPerAccount = maxPerAccount;
        this.replayLimit = replayLimit;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /**
     * Opens a stream: replays what came after {@code lastEventId} (a position in this member's own inbox; anything
     * else is ignored), then sends each new notification until the token expires.
     */
    public void open(UUID accountId, SseEventSink sink, Sse sse, Instant expiresAt, String lastEventId) {
        Set<Stream> mine = streams.computeIfAbsent(accountId, id -> ConcurrentHashMap.newKeySet());
        if (mine.size() >= maxPerAccount) {
            throw new TooManyRequestsException("You have " + maxPerAccount + " live streams open already; close one",
                    Map.of("Retry-After", "30"));
        }
        startListening();
        long latest = QuarkusTransaction.requiringNew().call(() -> notifications.latestSeq(accountId));
        long from = parse(lastEventId).filter(seq -> seq >= 0 && seq <= latest).orElse(latest);
        Stream stream = new Stream(accountId, sink, sse, expiresAt, from);
        mine.add(stream);
        send(stream, sse.newEventBuilder().name("ready").id(Long.toString(from))
                .data(Map.of("unread", unread(accountId))).mediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                .reconnectDelay(3000).build());
        senders.submit(() -> pump(stream));
    }

    /** How many streams this replica holds (for the benchmark and metrics). */
    public int openStreams() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    void wake(UUID accountId) {
        Set<Stream> mine = streams.get(accountId);
        if (mine != null) {
            for (Stream stream : mine) {
                senders.submit(() -> pump(stream));
            }
        }
    }

    private void pump(Stream stream) {
        synchronized (stream) {
            if (stream.sink.isClosed()) {
                forget(stream);
                return;
            }
            try {
                List<Row> rows = QuarkusTransaction.requiringNew()
                        .call(() -> notifications.after(stream.accountId, stream.lastSeq, replayLimit));
                if (rows.isEmpty()) {
                    return;
                }
                long unread = unread(stream.accountId);
                for (Row row : rows) {
                    send(stream, stream.sse.newEventBuilder().name("notification").id(Long.toString(row.seq()))
                            .data(Map.of("id", row.id().toString(), "kind", row.kind().name(), "unread", unread))
                            .mediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE).build());
                    stream.lastSeq = row.seq();
                }
            } catch (RuntimeException e) {
                LOG.debugf("could not read notifications for a stream: %s", e.getClass().getName());
            }
        }
    }

    private long unread(UUID accountId) {
        return QuarkusTransaction.requiringNew().call(() -> notifications.unreadCount(accountId));
    }

    private void tick() {
        Instant now = clock.instant();
        for (Set<Stream> mine : streams.values()) {
            for (Stream stream : mine) {
                if (!now.isBefore(stream.expiresAt)) {
                    send(stream, stream.sse.newEventBuilder().name("end").data(Map.of("reason", "token-expired"))
                            .mediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE).build());
                    close(stream);
                } else {
                    send(stream, stream.sse.newEventBuilder().comment("heartbeat").build());
                    senders.submit(() -> pump(stream)); // catches up a wake-up lost while the listener reconnected
                }
            }
        }
    }

    private void send(Stream stream, OutboundSseEvent event) {
        if (stream.sink.isClosed()) {
            forget(stream);
            return;
        }
        stream.sink.send(event).whenComplete((ok, failure) -> {
            if (failure != null) {
                close(stream);
            }
        });
    }

    private void close(Stream stream) {
        try {
            stream.sink.close();
        } catch (RuntimeException e) {
            LOG.debug("stream already closed");
        }
        forget(stream);
    }

    private void forget(Stream stream) {
        Set<Stream> mine = streams.get(stream.accountId);
        if (mine != null) {
            mine.remove(stream);
        }
    }

    private synchronized void startListening() {
        if (listener != null) {
            return;
        }
        long period = Math.max(1, heartbeat.toMillis());
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
        listener = daemon("kindred-notify-listener").newThread(this::listen);
        listener.start();
    }

    private void listen() {
        long backoff = 500;
        while (!stopping) {
            try (Connection connection = ListenConnections.open(url, username, password,
                    "kindred-notifications-listener")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + NotificationRepository.CHANNEL);
                }
                backoff = 500;
                streams.keySet().forEach(this::wake); // catch up on what was committed while not listening
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] received = pg.getNotifications(1000);
                    if (received != null) {
                        for (PGNotification n : received) {
                            wake(UUID.fromString(n.getParameter()));
                        }
                    }
                }
            } catch (SQLException | IllegalArgumentException e) {
                if (stopping) {
                    return;
                }
                LOG.warnf("notification listener lost its database connection (%s); retrying in %d ms",
                        e.getClass().getSimpleName(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        streams.values().forEach(mine -> mine.forEach(this::close));
        ticker.shutdownNow();
        senders.shutdownNow();
    }

    private static Optional<Long> parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank() || lastEventId.length() > 19) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lastEventId.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
