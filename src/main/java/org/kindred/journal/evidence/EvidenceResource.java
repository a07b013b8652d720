package org.kindred.journal.evidence;

import java.util.Base64;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.journal.JournalChain;
import org.kindred.journal.evidence.api.EvidenceKeySet;
import org.kindred.journal.evidence.api.EvidenceVerification;
import org.kindred.journal.evidence.api.VerifyEvidenceRequest;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.ratelimit.ActionClass;
import org.kindred.platform.ratelimit.RateLimited;
import org.kindred.platform.web.ConditionalGet;
import org.kindred.platform.web.ETags;

/**
 * Public verification of evidence exports: the evidence keys (retired ones included, so exports verify for years)
 * and a verifier. No account; counted as PUBLIC_FEED (per IP) in the rate limits. Nothing sent here is stored.
 */
@Path("/api/v1/evidence")
@Tag(name = "Evidence")
@PermitAll
@RateLimited(ActionClass.PUBLIC_FEED)
public class EvidenceResource {

    static final String JWK_SET = "application/jwk-set+json";
    static final String CACHE_CONTROL = "public, max-age=3600";

    private final EvidenceKeySet keySet;
    private final String keySetTag;
    private final EvidenceVerifier verifier;

    public EvidenceResource(EvidenceKeys keys, EvidenceVerifier verifier) {
        this.verifier = verifier;
        this.keySet = new EvidenceKeySet(keys.all().stream()
                .map(k -> new EvidenceKeySet.Key("OKP", "Ed25519",
                        Base64.getUrlEncoder().withoutPadding().encodeToString(k.raw()), k.kid(), "sig",
                        DetachedJws.ALG, k.status(), k.activeFrom()))
                .toList());
        this.keySetTag = ETags.ofContent(JournalChain.canonical(keySet));
    }

    @GET
    @Path("/keys")
    @Produces({JWK_SET, MediaType.APPLICATION_JSON})
    @SecurityRequirements
    @Operation(operationId = "getEvidenceKeys", summary = "Public keys that verify evidence exports", description = """
            JWK Set (RFC 7517) of the Ed25519 keys (RFC 8037: `kty: OKP`, `crv: Ed25519`, `alg: EdDSA`) whose private \
            halves sign journal evidence exports. Select the key by the `kid` in the export's JWS header. `status` is \
            `active` for the key that signs new exports, `retired` for earlier keys, which sign nothing more but stay \
            published so that exports they signed verify for as long as anyone needs them, and `next` for a key \
            published ahead of a rotation. `activeFrom` is the day from the key's id (keys are named by date). \
            Anyone may call it; answers carry an `ETag` and `Cache-Control: public, max-age=3600`.""")
    @APIResponse(responseCode = "200", description = "The key set", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = {
            @Content(mediaType = JWK_SET, schema = @Schema(implementation = EvidenceKeySet.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceKeySet.class))})
    @APIResponse(responseCode = "304", description = "Not modified: your copy (If-None-Match) is current")
    public RestResponse<EvidenceKeySet> keys(@Context HttpHeaders headers) {
        if (ConditionalGet.notModified(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), null, keySetTag, null)) {
            return RestResponse.ResponseBuilder.<EvidenceKeySet>create(RestResponse.Status.NOT_MODIFIED)
                    .header(HttpHeaders.ETAG, keySetTag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
        }
        return RestResponse.ResponseBuilder.ok(keySet).header(HttpHeaders.ETAG, keySetTag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "verifyEvidence", summary = "Verify a journal evidence export", description = """
            Checks an evidence export for anyone (a lawyer, an ombudsman, a court), no account needed: send the body \
            of `GET /api/v1/me/journal/export?format=signed` unchanged, or the plain export's body as `document` and \
            its `Kindred-Evidence-Signature` header as `signature`. The document is canonicalised (RFC 8785) before \
            the signature is checked, so whitespace and member order do not matter; any other change does.

            The answer is 200 whether the export is valid or not. `valid` is true only when (in this order) the \
            document is in the evidence format, its hash chain recomputes link by link and ends in `chainHead`, each \
            entry (in the document's order) is where the chain puts it, its newest version is the one it states and \
            its `digest` recomputes (its attachments with their hashes, its dates), the signature names a key this \
            service published (active or retired) and the signature matches. The chain and the entries are checked \
            apart from the signature: when one was changed, `firstFailure` names the first failing entry (`entryId`, \
            its position `entryIndex` and, for the chain, the `link`) even though the signature fails too; \
            `signatureValid` says on its own whether the signature matched. `entries` lists what the document covers. Verifies what Kindred \
            recorded and when, not whether it is true. Nothing sent is stored or logged. The body is limited to \
            64 KiB like every request: verify larger exports offline (README, "Evidence export").""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerifyEvidenceRequest.class)))
    @APIResponse(responseCode = "200", description = "The verdict", content = @Content(schema = @Schema(implementation = EvidenceVerification.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Not JSON, a member named twice, `document` not an object, `signature` not a detached compact JWS, or an unknown field")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<EvidenceVerification> verify(byte[] body) {
        return RestResponse.ResponseBuilder.ok(verifier.verify(body)).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
