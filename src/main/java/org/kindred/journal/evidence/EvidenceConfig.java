package org.kindred.journal.evidence;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Settings under {@code kindred.evidence}; every one is documented in the README's configuration table. */
@ConfigMapping(prefix = "kindred.evidence")
public interface EvidenceConfig {

    /**
     * Directory of the evidence signing keys: {@code <kid>.pem} (PKCS#8 Ed25519 private key) for keys that may sign,
     * {@code <kid>.pub.pem} (X.509 SubjectPublicKeyInfo) for retired keys that only verify. Required in prod; dev
     * uses a fixed development key when it is absent.
     */
    Optional<String> keyDir();

    /** The key that signs exports; defaults to the last private key's id in lexical order (name files by date). */
    Optional<String> keyId();
}
