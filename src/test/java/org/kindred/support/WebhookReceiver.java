package org.kindred.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * An in-test webhook receiver on a random loopback port: records every request (path, headers and body) and answers
 * with the status a test sets, optionally after a delay (to make the sender time out). Any path under {@link #url()}
 * is accepted, so several endpoints can share one receiver and be told apart by path.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(String path, String id, String timestamp, String signature, String contentType,
            String body) {
    }

    private final HttpServer server;
    public final List<Received> received = new CopyOnWriteArrayList<>();
    public volatile int status = 204;
    public volatile long delayMillis;

    public WebhookReceiver() throws IOException {
        // A backlog above the most connections two racing workers open at once (2 x batch size): with a smaller one
        // the kernel drops connection attempts, the client retries after a second, and the sender's 1 s timeout in
        // the test profile turns that into a failed attempt on a loaded machine.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                var h = exchange.getRequestHeaders();
                received.add(new Received(exchange.getRequestURI().getPath(), h.getFirst("webhook-id"),
                        h.getFirst("webhook-timestamp"),
                        h.getFirst("webhook-signature"), h.getFirst("Content-Type"), body));
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                exchange.sendResponseHeaders(status, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the sender gave up (timeout): nothing to answer
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Received> of(String messageId) {
        return received.stream().filter(r -> messageId.equals(r.id())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
