package org.kindred.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kindred.support.Api;
import org.kindred.support.TestAccount;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A measurement, printed and never asserted: heap and threads per held notification stream. The clients run in the
 * same JVM (non-blocking, no thread per stream), so the heap figure is an upper bound of the server's cost: both ends
 * of each connection are counted. Runs only when asked,
 * {@code ./mvnw -o verify -Dtest=StreamMemoryBenchmarkTest -Dkindred.bench=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "kindred.bench", matches = "true")
class StreamMemoryBenchmarkTest {

    static final int STREAMS = 500;
    static final int PER_ACCOUNT = 5;

    @TestHTTPResource("/api/v1/me/events")
    URI events;

    @Inject
    NotificationStreams streams;

    @Test
    void heapAndThreadsPerHeldStreamArePrinted() throws Exception {
        List<TestAccount> accounts = new ArrayList<>();
        for (int i = 0; i < STREAMS / PER_ACCOUNT; i++) {
            accounts.add(Api.register("sm"));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long heapBefore = settledHeap();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        int openBefore = streams.openStreams();

        CountDownLatch ready = new CountDownLatch(STREAMS);
        List<Flow.Subscription> held = new ArrayList<>();
        for (TestAccount account : accounts) {
            for (int j = 0; j < PER_ACCOUNT; j++) {
                HttpRequest request = HttpRequest.newBuilder(events).header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + account.accessToken()).build();
                http.sendAsync(request,
                        HttpResponse.BodyHandlers.fromSubscriber(new Flow.Subscriber<List<ByteBuffer>>() {
                            boolean seen;

                            @Override
                            public void onSubscribe(Flow.Subscription subscription) {
                                synchronized (held) {
                                    held.add(subscription);
                                }
                                subscription.request(Long.MAX_VALUE);
                            }

                            @Override
                            public void onNext(List<ByteBuffer> buffers) {
                                for (ByteBuffer b : buffers) {
                                    if (!seen && StandardCharsets.UTF_8.decode(b).toString().contains("event:ready")) {
                                        seen = true;
                                        ready.countDown();
                                    }
                                }
                            }

                            @Override
                            public void onError(Throwable throwable) {
                            }

                            @Override
                            public void onComplete() {
                            }
                        }));
            }
        }
        boolean allReady = ready.await(120, TimeUnit.SECONDS);
        int open = streams.openStreams() - openBefore;
        long heapAfter = settledHeap();
        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        System.out.printf("BENCH streams: %d held (all ready: %s); heap +%.1f MiB = %.1f KiB per stream (server and "
                + "client in one JVM: an upper bound); threads %d -> %d (+%d)%n", open, allReady,
                (heapAfter - heapBefore) / 1048576.0, (heapAfter - heapBefore) / 1024.0 / Math.max(1, open),
                threadsBefore, threadsAfter, threadsAfter - threadsBefore);
        synchronized (held) {
            held.forEach(Flow.Subscription::cancel);
        }
        assertEquals(STREAMS, open, "every stream was held open");
    }

    private static long settledHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
