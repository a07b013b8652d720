package org.kindred.journal.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * The service's long-lived evidence signing keys (Ed25519), read once from {@code kindred.evidence.key-dir}, a
 * mounted secret: {@code <kid>.pem} files hold PKCS#8 private keys, {@code <kid>.pub.pem} files the public halves of
 * retired keys, which must stay published so that exports signed years ago still verify. The active key (the
 * configured {@code key-id}, else the last private key in lexical order) signs; every key verifies. In prod the
 * service refuses to start without a key; dev falls back to a fixed, publicly known development key, so nothing it
 * signs proves anything.
 */
@Startup
@ApplicationScoped
public class EvidenceKeys {

    /** One key: its id, public half, private half if this replica may sign with it, and status. */
    public record EvidenceKey(String kid, PublicKey publicKey, Optional<PrivateKey> privateKey, String status,
            LocalDate activeFrom) {

        /** The raw 32-byte Ed25519 public key (the JWK's {@code x}). */
        public byte[] raw() {
            byte[] encoded = publicKey.getEncoded();
            return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        }
    }

    public static final String ACTIVE = "active";
    public static final String RETIRED = "retired";
    /** Published ahead of its use (step 1 of a rotation), so every replica verifies it before any signs with it. */
    public static final String NEXT = "next";

    static final String DEV_KEY_ID = "dev-only-not-secret";
    /** Publicly known: anything it signs proves nothing. */
    private static final String DEV_KEY = "MC4CAQAwBQYDK2VwBCIEIIfmNK1XcOa+27LuyNZ4+Dl6+dQLvLbOJR01gIGj5pGD";
    private static final String KID_PATTERN = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}";
    private static final String PUBLIC_SUFFIX = ".pub.pem";
    private static final String PRIVATE_SUFFIX = ".pem";
    /** X.509 SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410); the raw key follows. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final Map<String, EvidenceKey> keys;
    private final EvidenceKey active;

    @Inject
    public EvidenceKeys(EvidenceConfig config) {
        this(config.keyDir().map(Path::of), config.keyId(), LaunchMode.current() == LaunchMode.NORMAL);
    }

    EvidenceKeys(Optional<Path> dir, Optional<String> keyId, boolean production) {
        Map<String, PrivateKey> privates = new TreeMap<>();
        Map<String, PublicKey> publics = new TreeMap<>();
        if (dir.isPresent()) {
            load(dir.get(), privates, publics);
        } else if (production) {
            throw new IllegalStateException(
                    "Set KINDRED_EVIDENCE_KEY_DIR to a directory of evidence signing keys (<kid>.pem, Ed25519 PKCS#8)");
        } else {
            privates.put(DEV_KEY_ID, privateKey(Base64.getDecoder().decode(DEV_KEY), DEV_KEY_ID));
        }
        String activeId = keyId.orElseGet(() -> privates.keySet().stream().max(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException(
                        "kindred.evidence.key-dir holds no private key (<kid>.pem) to sign with")));
        if (!privates.containsKey(activeId)) {
            throw new IllegalStateException(
                    "kindred.evidence.key-id names no private key (<kid>.pem) in the key directory");
        }
        for (Map.Entry<String, PrivateKey> e : privates.entrySet()) {
            PublicKey derived = publicOf(e.getValue(), e.getKey());
            PublicKey given = publics.get(e.getKey());
            if (given != null && !Arrays.equals(given.getEncoded(), derived.getEncoded())) {
                throw new IllegalStateException("Evidence key " + e.getKey() + ": " + e.getKey() + PUBLIC_SUFFIX
                        + " is not the public half of " + e.getKey() + PRIVATE_SUFFIX);
            }
            publics.put(e.getKey(), derived);
        }
        Map<String, EvidenceKey> all = new LinkedHashMap<>();
        publics.forEach((kid, publicKey) -> {
            int order = kid.compareTo(activeId);
            String status = order == 0 ? ACTIVE : order < 0 ? RETIRED : NEXT;
            all.put(kid, new EvidenceKey(kid, publicKey, Optional.ofNullable(privates.get(kid)), status,
                    activeFrom(kid)));
        });
        this.keys = java.util.Collections.unmodifiableMap(all);
        this.active = all.get(activeId);
    }

    /** The key that signs new exports. */
    public EvidenceKey active() {
        return active;
    }

    /** The key with this id, if it is published. */
    public Optional<EvidenceKey> byId(String kid) {
        return Optional.ofNullable(keys.get(kid));
    }

    /** Every published key, in kid order. */
    public Collection<EvidenceKey> all() {
        return keys.values();
    }

    /** Signs with the active key (Ed25519, RFC 8032). */
    public byte[] sign(byte[] input) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(active.privateKey().orElseThrow());
            signature.update(input);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the evidence key", e);
        }
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code input}. */
    public static boolean verify(PublicKey key, byte[] input, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(input);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The public key of a raw 32-byte Ed25519 key (a JWK's {@code x}). */
    public static PublicKey publicKey(byte[] raw) {
        byte[] encoded = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, encoded, ED25519_SPKI_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    private static void load(Path dir, Map<String, PrivateKey> privates, Map<String, PublicKey> publics) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(PRIVATE_SUFFIX))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read kindred.evidence.key-dir " + dir, e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            boolean isPublic = name.endsWith(PUBLIC_SUFFIX);
            String kid = name.substring(0, name.length() - (isPublic ? PUBLIC_SUFFIX : PRIVATE_SUFFIX).length());
            if (!kid.matches(KID_PATTERN) || kid.endsWith(".pub")) {
                throw new IllegalStateException("Evidence key files must be <kid>.pem or <kid>.pub.pem with a kid of "
                        + KID_PATTERN + ", not " + name);
            }
            byte[] der = pem(file, isPublic ? "PUBLIC KEY" : "PRIVATE KEY");
            if (isPublic) {
                try {
                    publics.put(kid, KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Evidence key " + name + " is not an Ed25519 public key "
                            + "(openssl pkey -in <kid>.pem -pubout)", e);
                }
            } else {
                privates.put(kid, privateKey(der, kid));
            }
        }
        if (privates.isEmpty() && publics.isEmpty()) {
            throw new IllegalStateException("No <kid>.pem files in kindred.evidence.key-dir " + dir);
        }
    }

    private static byte[] pem(Path file, String type) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read evidence key " + file.getFileName(), e);
        }
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("Evidence key " + file.getFileName() + " is not a PEM " + type);
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Evidence key " + file.getFileName() + " is not valid PEM", e);
        }
    }

    private static PrivateKey privateKey(byte[] pkcs8, String kid) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Evidence key " + kid + " is not an Ed25519 PKCS#8 private key "
                    + "(openssl genpkey -algorithm ed25519)", e);
        }
    }

    /**
     * The public half of an Ed25519 private key. The JDK has no call for it, but its key pair generator turns the
     * 32 bytes it draws into the private key as they are (RFC 8032: the private key is the seed), so a generator fed
     * the key's own bytes derives its public key. Checked by a signature round trip.
     */
    static PublicKey publicOf(PrivateKey key, String kid) {
        byte[] seed = ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new IllegalStateException("Evidence key " + kid + " has no key bytes"));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                private static final long serialVersionUID = 1L;

                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            KeyPair pair = generator.generateKeyPair();
            byte[] probe = ("kindred evidence key check " + kid).getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(probe);
            if (!verify(pair.getPublic(), probe, signer.sign())) {
                throw new IllegalStateException("Evidence key " + kid + ": cannot derive its public key");
            }
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Evidence key " + kid + " is not usable for Ed25519", e);
        }
    }

    /** Keys are named by the date they become active ({@code 2026-12-01.pem}); other names have no date. */
    private static LocalDate activeFrom(String kid) {
        if (kid.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(kid.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
