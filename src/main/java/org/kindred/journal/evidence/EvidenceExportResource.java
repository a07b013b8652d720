package org.kindred.journal.evidence;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.kindred.journal.evidence.api.EvidenceDocument;
import org.kindred.journal.evidence.api.SignedEvidence;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.ratelimit.ActionClass;
import org.kindred.platform.ratelimit.RateLimited;

import io.quarkus.security.Authenticated;

/**
 * The evidence export of the member's own journal: the signed canonical JSON (with the detached JWS in a header, or
 * both in one body ready for verification) or a PDF of the same record. Counted as EXPORT in the rate limits.
 */
@Path("/api/v1/me/journal/export")
@Tag(name = "Evidence")
@Authenticated
@SecurityRequirement(name = "bearer")
@RateLimited(ActionClass.EXPORT)
public class EvidenceExportResource {

    /** The detached JWS over the body (JSON export only). */
    public static final String SIGNATURE_HEADER = "Kindred-Evidence-Signature";
    static final String PDF = "application/pdf";
    private static final List<String> FORMATS = List.of("json", "signed", "pdf");

    private final EvidenceExports exports;

    public EvidenceExportResource(EvidenceExports exports) {
        this.exports = exports;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, PDF})
    @Operation(operationId = "exportMyJournalEvidence", summary = "Export your journal as signed evidence", description = """
            Your whole incident journal (every entry with every version, the hash chain and its head, each \
            attachment's SHA-256) as evidence you can hand to a lawyer, an ombudsman or a tribunal, in one of three forms:

            - `Accept: application/json` (the default) or `?format=json`: the evidence document in canonical JSON \
            (RFC 8785: sorted keys, no whitespace, UTF-8), and in the `Kindred-Evidence-Signature` header a detached \
            JWS (`<header>..<signature>`, EdDSA/Ed25519, with the evidence key's `kid`) over exactly those bytes;
            - `?format=signed`: `{document, signature}`, the same two in one JSON body: exactly what \
            `POST /api/v1/evidence/verify` takes;
            - `Accept: application/pdf` or `?format=pdf`: a PDF to read: a cover page with the chain head and how to \
            verify, a timeline of the incidents, then each entry with every field, its attachments with their SHA-256 \
            (PNG and JPEG images embedded, scaled to the page), its history and its hashes. The PDF \
            uses the standard PDF fonts: characters they cannot show (e.g. Arabic, Cyrillic, emoji) appear as `?`; \
            the JSON export is the authoritative, full-fidelity record.

            `?format=` wins over `Accept`. A journal with a passphrase is exported only with it \
            (`Kindred-Journal-Passphrase`). The document names no account and no e-mail. Kindred does not vouch for \
            what you wrote, only that it has not changed since it was recorded. Anyone can verify an export, years \
            later too: the public keys (retired ones included) are at `GET /api/v1/evidence/keys`. Sent as an \
            attachment with `Cache-Control: no-store`; counted as EXPORT in the rate limits (a few per hour).""")
    @APIResponse(responseCode = "200", description = "The evidence export", headers = {
            @Header(name = SIGNATURE_HEADER, description = "JSON export (`format=json`) only: the detached JWS over the body, `<base64url header>..<base64url signature>`", schema = @Schema(type = SchemaType.STRING, maxLength = 1024, pattern = "^[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+$")),
            @Header(name = "Content-Disposition", description = "`attachment; filename=\"kindred-journal-evidence-<date>.json\"` (`.pdf` for the PDF)", schema = @Schema(type = SchemaType.STRING, maxLength = 80, pattern = "^attachment; filename=\"kindred-journal-evidence-[0-9]{4}-[0-9]{2}-[0-9]{2}(-signed)?\\.(json|pdf)\"$"))}, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {
                            EvidenceDocument.class,
                            SignedEvidence.class}, description = "The evidence document (`format=json`, canonical JSON) or `{document, signature}` (`format=signed`)")),
                    @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 104857600, description = "The PDF"))})
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "`format` is not `json`, `signed` or `pdf`")
    @APIResponse(responseCode = "406", ref = Responses.NOT_ACCEPTABLE, description = "`Accept` allows neither JSON nor PDF")
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
    public Response export(
            @Parameter(description = "`json` (default unless `Accept` asks for a PDF), `signed` or `pdf`; wins over `Accept`", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "json", "signed", "pdf"}, maxLength = 6)) @RestQuery String format,
            @Context HttpHeaders headers) {
        String chosen = format == null ? fromAccept(headers) : format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(chosen)) {
            throw new BadRequestException("format", "must be one of json, signed, pdf");
        }
        if (chosen.equals("pdf")) {
            EvidenceExports.Pdf pdf = exports.pdf();
            return attachment(pdf.bytes(), PDF, fileName(pdf.document()) + ".pdf").build();
        }
        EvidenceExports.Signed signed = exports.export();
        String file = fileName(signed.document());
        return switch (chosen) {
            case "signed" -> attachment(signedBody(signed), MediaType.APPLICATION_JSON, file + "-signed.json").build();
            default -> attachment(signed.canonical(), MediaType.APPLICATION_JSON, file + ".json")
                    .header(SIGNATURE_HEADER, signed.signature()).build();
        };
    }

    private static String fileName(EvidenceDocument document) {
        return "kindred-journal-evidence-" + document.generatedAt().toString().substring(0, 10);
    }

    /** {@code {"document":<canonical bytes>,"signature":"..."}}: the document exactly as signed. */
    static byte[] signedBody(EvidenceExports.Signed signed) {
        byte[] head = "{\"document\":".getBytes(StandardCharsets.UTF_8);
        byte[] tail = (",\"signature\":\"" + signed.signature() + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + signed.canonical().length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(signed.canonical(), 0, body, head.length, signed.canonical().length);
        System.arraycopy(tail, 0, body, head.length + signed.canonical().length, tail.length);
        return body;
    }

    private static Response.ResponseBuilder attachment(byte[] body, String type, String fileName) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    /** PDF only when the client prefers it to JSON; JSON otherwise (JAX-RS has refused what allows neither). */
    private static String fromAccept(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return "json";
            }
            if (type.isCompatible(MediaType.valueOf(PDF))) {
                return "pdf";
            }
        }
        return "json";
    }
}
