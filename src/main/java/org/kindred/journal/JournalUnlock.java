package org.kindred.journal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.RequestScoped;

import org.kindred.platform.error.BadRequestException;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The journal passphrase a request presents in the {@value #HEADER} header: base64url (padding optional) of its UTF-8
 * bytes, so any script survives HTTP header rules. Never logged, never part of a URL, never stored; the key derived
 * from it is remembered for this request only, so an export that opens the journal several times derives it once.
 */
@RequestScoped
public class JournalUnlock {

    public static final String HEADER = "Kindred-Journal-Passphrase";
    /** Longest passphrase, in characters. */
    public static final int MAX_LENGTH = 1024;
    public static final int MIN_LENGTH = 12;

    private final CurrentVertxRequest request;
    private final Map<String, SecretKey> derived = new HashMap<>();

    public JournalUnlock(CurrentVertxRequest request) {
        this.request = request;
    }

    /** The passphrase sent with this request, NFC-normalised; 400 when the header is not base64url of UTF-8. */
    Optional<String> presented() {
        RoutingContext http = request.getCurrent(); // null in a request context without HTTP (a scheduled job)
        String header = http == null ? null : http.request().getHeader(HEADER);
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String encoded = header.strip().replace('+', '-').replace('/', '_').replace("=", "");
        if (encoded.length() > MAX_LENGTH * 6) {
            throw malformed();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(encoded);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.isEmpty() || text.length() > MAX_LENGTH) {
                throw malformed();
            }
            return Optional.of(normalised(text));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw malformed();
        }
    }

    /** The same passphrase typed on any keyboard derives the same key. */
    static String normalised(String passphrase) {
        return Normalizer.normalize(passphrase, Normalizer.Form.NFC);
    }

    Optional<SecretKey> derived(String cacheKey) {
        return Optional.ofNullable(derived.get(cacheKey));
    }

    void remember(String cacheKey, SecretKey key) {
        derived.put(cacheKey, key);
    }

    private static BadRequestException malformed() {
        return new BadRequestException(HEADER, "must be the base64url encoding of your passphrase's UTF-8 bytes (1 to "
                + MAX_LENGTH + " characters)");
    }
}
