package org.kindred.webhooks;

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
 * An in-test webhook receiver on a random loopback port: records every request (headers and body) and answers with
 * the status a test sets, optionally after a delay (to make the sender time out).
 */
final class Receiver implements AutoCloseable {

    record Received(String id, String timestamp, String signature, String contentType, String body) {
    }

    private final HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int status = 204;
    volatile long delayMillis;

    Receiver() throws IOException {
        // A backlog above the most connections two racing workers open at once (2 x batch size): with a smaller one
        // the kernel drops connection attempts, the client retries after a second, and the sender's 1 s timeout in
        // the test profile turns that into a failed attempt on a loaded machine.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                var h = exchange.getRequestHeaders();
                received.add(new Received(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
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

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> of(String messageId) {
        return received.stream().filter(r -> messageId.equals(r.id())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
