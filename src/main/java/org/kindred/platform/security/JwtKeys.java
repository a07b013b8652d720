package org.kindred.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * The RSA keys that sign and verify access tokens. In prod they are read from {@code kindred.auth.keys-dir}
 * (several keys for rotation: one signs, all verify); in dev and tests a key is generated at startup.
 */
@Startup
@ApplicationScoped
public class JwtKeys {

    public record Key(String kid, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {
    }

    private final List<Key> keys;
    private final Key signing;
    private final String jwks;

    public JwtKeys(AuthConfig config) {
        if (config.accessTokenTtl().compareTo(java.time.Duration.ofMinutes(15)) > 0) {
            throw new IllegalStateException("kindred.auth.access-token-ttl must be at most 15 minutes");
        }
        if (config.keysDir().isPresent()) {
            keys = load(Path.of(config.keysDir().get()));
        } else if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException(
                    "Set KINDRED_AUTH_KEYS_DIR to a directory of RSA private keys (<kid>.pem) that sign access tokens");
        } else {
            keys = List.of(generate("dev-" + UUID.randomUUID().toString().substring(0, 8)));
        }
        String signingKid = config.signingKeyId().orElse(keys.get(keys.size() - 1).kid());
        signing = keys.stream().filter(k -> k.kid().equals(signingKid)).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "kindred.auth.signing-key-id names no key in the keys directory"));
        jwks = toJwks(keys);
    }

    public Key signing() {
        return signing;
    }

    /** The public keys as a JWK Set (RFC 7517), served at /.well-known/jwks.json. */
    public String jwksJson() {
        return jwks;
    }

    private static List<Key> load(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Key> loaded = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pem"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList()) {
                String name = file.getFileName().toString();
                loaded.add(
                        parse(name.substring(0, name.length() - 4), Files.readString(file, StandardCharsets.US_ASCII)));
            }
            if (loaded.isEmpty()) {
                throw new IllegalStateException("No <kid>.pem files in kindred.auth.keys-dir " + dir);
            }
            return List.copyOf(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read kindred.auth.keys-dir " + dir, e);
        }
    }

    static Key parse(String kid, String pem) {
        if (!kid.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalStateException("JWT key file names must be <kid>.pem with kid of [A-Za-z0-9._-]{1,64}");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (privateKey.getModulus().bitLength() < 2048) {
                throw new IllegalStateException("JWT key " + kid + " is shorter than 2048 bits");
            }
            RSAPublicKey publicKey = (RSAPublicKey) factory
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new Key(kid, privateKey, publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("JWT key " + kid + " is not a PKCS#8 PEM RSA private key", e);
        }
    }

    static Key generate(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new Key(kid, (RSAPrivateCrtKey) pair.getPrivate(), (RSAPublicKey) pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String toJwks(List<Key> keys) {
        try {
            JsonWebKeySet set = new JsonWebKeySet();
            for (Key key : keys) {
                RsaJsonWebKey jwk = new RsaJsonWebKey(key.publicKey());
                jwk.setKeyId(key.kid());
                jwk.setUse("sig");
                jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
                set.addJsonWebKey(jwk);
            }
            return set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
