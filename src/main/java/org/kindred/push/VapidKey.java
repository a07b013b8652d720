package org.kindred.push;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * The service's VAPID key pair (RFC 8292), which push services use to check that pushes to a subscription come from
 * the application the browser subscribed to. Read from {@code kindred.push.vapid-key-file}: one PEM file holding the
 * {@code PRIVATE KEY} (PKCS#8, P-256) and its {@code PUBLIC KEY}. Dev without a file makes a throwaway pair (browsers
 * must subscribe again after a restart); prod without one has no Web Push. Read at start-up, so a key file that is
 * set but missing or malformed stops the start with a message that says so, rather than failing the first push.
 */
@Startup
@ApplicationScoped
public class VapidKey {

    private static final Logger LOG = Logger.getLogger(VapidKey.class);
    private static final Pattern PEM = Pattern
            .compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final Optional<KeyPair> pair;

    public VapidKey(PushConfig config) {
        this.pair = load(config.vapidKeyFile(), LaunchMode.current());
    }

    static Optional<KeyPair> load(Optional<String> file, LaunchMode mode) {
        if (file.isPresent()) {
            String pem;
            try {
                pem = Files.readString(Path.of(file.get()), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new IllegalStateException("KINDRED_PUSH_VAPID_KEY_FILE (kindred.push.vapid-key-file) names "
                        + file.get() + ", which cannot be read (" + e.getClass().getSimpleName() + "): mount the "
                        + "VAPID key there (on Kubernetes the Secret kindred-push-vapid), or unset the setting to run "
                        + "without Web Push (README, \"Web Push\")", e);
            }
            try {
                return Optional.of(parse(pem));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("KINDRED_PUSH_VAPID_KEY_FILE (kindred.push.vapid-key-file): "
                        + file.get() + " is not a PEM file with a P-256 PRIVATE KEY and its PUBLIC KEY (README, "
                        + "\"Web Push\")", e);
            }
        }
        if (mode == LaunchMode.DEVELOPMENT) {
            try {
                LOG.info("Web Push: no VAPID key file, using a throwaway key until restart (dev mode)");
                return Optional.of(WebPushCrypto.newKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        LOG.info("Web Push is off: no VAPID key file (KINDRED_PUSH_VAPID_KEY_FILE); subscribing answers 409");
        return Optional.empty();
    }

    static KeyPair parse(String pem) throws GeneralSecurityException {
        PrivateKey privateKey = null;
        PublicKey publicKey = null;
        Matcher m = PEM.matcher(pem);
        KeyFactory ec = KeyFactory.getInstance("EC");
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            if (m.group(1).equals("PRIVATE KEY")) {
                privateKey = ec.generatePrivate(new PKCS8EncodedKeySpec(der));
            } else if (m.group(1).equals("PUBLIC KEY")) {
                publicKey = ec.generatePublic(new X509EncodedKeySpec(der));
            }
        }
        if (privateKey == null || !(publicKey instanceof ECPublicKey)) {
            throw new GeneralSecurityException("a PRIVATE KEY and an EC PUBLIC KEY block are required");
        }
        java.security.Signature check = java.security.Signature.getInstance("SHA256withECDSA");
        check.initSign(privateKey);
        check.update(PEM.pattern().getBytes(StandardCharsets.US_ASCII));
        byte[] signature = check.sign();
        check.initVerify(publicKey);
        check.update(PEM.pattern().getBytes(StandardCharsets.US_ASCII));
        if (!check.verify(signature)) {
            throw new GeneralSecurityException("the PUBLIC KEY is not the private key's");
        }
        return new KeyPair(publicKey, privateKey);
    }

    /** The key pair, when Web Push is configured. */
    public Optional<KeyPair> pair() {
        return pair;
    }

    /** The public key as browsers take it ({@code applicationServerKey}): base64url of the uncompressed point. */
    public Optional<String> applicationServerKey() {
        return pair.map(p -> Base64.getUrlEncoder().withoutPadding()
                .encodeToString(WebPushCrypto.uncompressed((ECPublicKey) p.getPublic())));
    }
}
