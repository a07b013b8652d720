package org.kindred.push;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A push service and a browser in one, for tests: it takes pushes on loopback, answers {@link #status}, and decrypts
 * each with the browser's keys, written here from RFC 8291 independently of the production code.
 */
public final class PushService implements AutoCloseable {

    public record Push(String path, String authorization, String ttl, String contentEncoding, String payload) {
    }

    public final List<Push> pushes = new CopyOnWriteArrayList<>();
    volatile int status = 201;
    private final HttpServer server;
    private final KeyPair browser;
    private final byte[] auth = new byte[16];

    public PushService() throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        browser = generator.generateKeyPair();
        new java.security.SecureRandom().nextBytes(auth);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/push", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                var h = exchange.getRequestHeaders();
                pushes.add(new Push(exchange.getRequestURI().getPath(), h.getFirst("Authorization"), h.getFirst("TTL"),
                        h.getFirst("Content-Encoding"), decrypt(body)));
                exchange.sendResponseHeaders(status, -1);
            } catch (GeneralSecurityException e) {
                pushes.add(new Push(exchange.getRequestURI().getPath(), null, null, null, "UNDECRYPTABLE: " + e));
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String endpoint(String name) {
        return origin() + "/push/" + name;
    }

    /** What {@code PushSubscription.toJSON()} would give for this browser at {@code endpoint}. */
    public java.util.Map<String, Object> subscription(String endpoint) {
        return java.util.Map.of("endpoint", endpoint, "keys", java.util.Map.of("p256dh",
                b64(point((ECPublicKey) browser.getPublic())), "auth", b64(auth)));
    }

    String decrypt(byte[] body) throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        if (recordSize < 18) {
            throw new GeneralSecurityException("record size " + recordSize);
        }
        byte[] senderKey = new byte[in.get() & 0xff];
        in.get(senderKey);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);

        ECPublicKey sender = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                new ECPoint(new BigInteger(1, Arrays.copyOfRange(senderKey, 1, 33)),
                        new BigInteger(1, Arrays.copyOfRange(senderKey, 33, 65))),
                ((ECPublicKey) browser.getPublic()).getParams()));
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(browser.getPrivate());
        ecdh.doPhase(sender, true);
        byte[] shared = ecdh.generateSecret();
        byte[] uaPublic = point((ECPublicKey) browser.getPublic());
        ByteBuffer info = ByteBuffer.allocate(14 + 65 + 65);
        info.put("WebPush: info\0".getBytes(StandardCharsets.US_ASCII)).put(uaPublic).put(senderKey);
        byte[] ikm = expand(extract(auth, shared), info.array(), 32);
        byte[] prk = extract(salt, ikm);
        byte[] cek = expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new GeneralSecurityException("no last-record delimiter");
        }
        return new String(padded, 0, end, StandardCharsets.UTF_8);
    }

    private static byte[] extract(byte[] salt, byte[] ikm) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        return mac.doFinal(ikm);
    }

    private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    static byte[] point(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        byte[] x = key.getW().getAffineX().toByteArray();
        byte[] y = key.getW().getAffineY().toByteArray();
        System.arraycopy(x, Math.max(0, x.length - 32), out, 1 + 32 - Math.min(32, x.length), Math.min(32, x.length));
        System.arraycopy(y, Math.max(0, y.length - 32), out, 33 + 32 - Math.min(32, y.length), Math.min(32, y.length));
        return out;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
