package org.kindred.journal.evidence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.kindred.journal.JournalChain;
import org.kindred.journal.evidence.EvidenceKeys.EvidenceKey;
import org.kindred.journal.evidence.api.EvidenceDocument;
import org.kindred.journal.evidence.api.EvidenceVerification;
import org.kindred.journal.evidence.api.EvidenceVerification.CoveredEntry;
import org.kindred.journal.evidence.api.EvidenceVerification.Failure;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Verifies an evidence export for anyone, without an account: the document's format, its hash chain and its entries
 * ({@link EvidenceContentChecks}), the key and the signature over the document's canonical form. Reports the first
 * failure in that order, so a changed entry is named even though the signature fails too, and says apart whether the
 * signature matched. Nothing is stored or logged.
 */
@ApplicationScoped
public class EvidenceVerifier {

    /** Duplicate member names are refused: two readers must never see two different documents in one body. */
    static final ObjectMapper STRICT = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final EvidenceKeys keys;

    public EvidenceVerifier(EvidenceKeys keys) {
        this.keys = keys;
    }

    /** Verifies a request body {@code {document, signature}}; 400 when it is not one. */
    public EvidenceVerification verify(byte[] body) {
        JsonNode request = parse(body);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = request.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("document") && !name.equals("signature")) {
                errors.add(new Problem.FieldError(name, "unknown field"));
            }
        }
        JsonNode document = request.get("document");
        if (document == null || !document.isObject()) {
            errors.add(new Problem.FieldError("document", "must be the evidence document, a JSON object"));
        }
        JsonNode signature = request.get("signature");
        if (signature == null || !signature.isTextual()) {
            errors.add(new Problem.FieldError("signature", "must be a string: the detached JWS"));
        } else if (signature.textValue().length() > DetachedJws.MAX_LENGTH) {
            errors.add(new Problem.FieldError("signature", "size must be between 0 and " + DetachedJws.MAX_LENGTH));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors.size() == 1
                    ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are invalid", errors);
        }
        DetachedJws.Parsed jws = DetachedJws.parse(signature.textValue());
        byte[] canonical;
        try {
            canonical = CanonicalJson.bytes(document);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("document",
                    "holds a string that is not valid Unicode (an unpaired surrogate)");
        }
        return verify(document, canonical, jws);
    }

    EvidenceVerification verify(JsonNode json, byte[] canonical, DetachedJws.Parsed jws) {
        Optional<EvidenceKey> key = Optional.ofNullable(jws.kid()).flatMap(keys::byId);
        String keyStatus = key.map(EvidenceKey::status).orElse(null);
        boolean signed = key.isPresent() && DetachedJws.ALG.equals(jws.alg()) && EvidenceKeys.verify(
                key.get().publicKey(), DetachedJws.signingInput(jws.encodedHeader(), canonical), jws.signature());
        EvidenceDocument document = read(json);
        if (document == null) {
            return new EvidenceVerification(false, jws.kid(), keyStatus, null, List.of(),
                    json.path("chainHead").isTextual() ? json.get("chainHead").textValue() : null,
                    new Failure("unsupported-format", null, null,
                            "This is not a Kindred journal evidence document (" + EvidenceDocument.FORMAT + ")"),
                    signed);
        }
        List<CoveredEntry> covered = document.entries().stream()
                .map(e -> new CoveredEntry(e.id(), e.revisions().size())).toList();
        Failure failure = EvidenceContentChecks.firstFailure(document, json);
        if (failure == null && key.isEmpty()) {
            failure = new Failure("unknown-key", null, null, jws.kid() == null
                    ? "The signature names no key (kid)"
                    : "The signature names a key this service never published");
        } else if (failure == null && !DetachedJws.ALG.equals(jws.alg())) {
            failure = new Failure("unsupported-algorithm", null, null, "Evidence is signed with EdDSA only");
        } else if (failure == null && !signed) {
            failure = new Failure("signature-mismatch", null, null,
                    "The signature does not match the document: it was changed after it was signed");
        }
        return new EvidenceVerification(failure == null, jws.kid(), keyStatus, signed ? document.generatedAt() : null,
                covered, document.chainHead(), failure, signed);
    }

    /** The document in the evidence format, or null when it is not one (wrong format, missing or mistyped parts). */
    static EvidenceDocument read(JsonNode json) {
        if (!EvidenceDocument.FORMAT.equals(json.path("format").asText(null))) {
            return null;
        }
        EvidenceDocument document;
        try {
            document = JournalChain.CANONICAL.treeToValue(json, EvidenceDocument.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
        boolean complete = document.generatedAt() != null && document.entries() != null && document.chain() != null
                && document.entries().stream().allMatch(e -> e != null && e.id() != null && e.revisions() != null
                        && e.attachments() != null
                        && e.revisions().stream().allMatch(r -> r != null && r.recordedAt() != null
                                && r.hash() != null && r.incident() != null))
                && document.chain().stream().allMatch(l -> l != null && l.entryId() != null && l.recordedAt() != null
                        && l.hash() != null);
        return complete ? document : null;
    }

    private static JsonNode parse(byte[] body) {
        JsonNode request;
        try {
            request = body == null || body.length == 0 ? null : STRICT.readTree(body);
        } catch (IOException e) {
            throw new BadRequestException("malformed-json", "Malformed JSON",
                    "The request body is not valid JSON, or names a member twice");
        }
        if (request == null || !request.isObject()) {
            throw new BadRequestException("malformed-json", "Malformed JSON",
                    "The request body must be a JSON object: {document, signature}");
        }
        return request;
    }
}
