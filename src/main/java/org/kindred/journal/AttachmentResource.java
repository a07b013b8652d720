package org.kindred.journal;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.journal.api.JournalAttachmentResponse;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;
import org.kindred.platform.validation.TextPatterns;

import io.quarkus.security.Authenticated;

/**
 * Files kept with a journal entry. The upload is the file itself as the request body (no multipart), the name in the
 * {@code filename} query parameter: one {@code fetch(url, {method: "POST", body: file})} from a browser.
 */
@Path("/api/v1/me/journal/entries/{entryId}/attachments")
@Tag(name = "Journal")
@Authenticated
@SecurityRequirement(name = "bearer")
public class AttachmentResource {

    private static final String PRIVATE = " Only you can reach your journal's attachments: not moderators, not admins. "
            + "They are encrypted at rest with your own key, their names and types included. With a journal passphrase, send it in "
            + "`Kindred-Journal-Passphrase`.";
    private static final String FILE = "The file's bytes";

    private final AttachmentService attachments;

    public AttachmentResource(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadMyJournalAttachment", summary = "Attach a file to a journal entry", description = """
            The request body is the file itself, as sent by `fetch(url, {method: "POST", body: file})` (no multipart); \
            its name goes in `filename`. Kept: JPEG, PNG and WebP images, PDF, and plain UTF-8 text, at most 10 MiB \
            (10,485,760 bytes) each. The kind is judged by the file's bytes alone: the name and the Content-Type you send \
            are not trusted (send the file's type or `application/octet-stream`); a PNG sent as `text/plain` is kept as \
            the PNG it is, and `mediaType` in the answer says what was found. Anything else, such as a program renamed \
            `.jpg`, is refused with 415.

            Before storing, images lose their embedded metadata: EXIF (GPS position, camera make and model, time taken, \
            orientation), XMP, IPTC, comments and PNG/WebP text chunks; the pixels stay as they were. PDF and text are \
            kept exactly as sent (`metadataStripped: false`): remove a PDF's author and location yourself if they \
            matter. `sha256` is the hash of the bytes stored, which are exactly the bytes a download returns.

            All your attachments together may take your quota (100 MiB unless the operator set another) and an entry \
            may have 20 attachments; beyond either the answer is 409 (`attachment-quota-exceeded`, \
            `attachment-limit-reached`). Not honouring Idempotency-Key, like entries: on a lost answer, list the \
            entry's attachments before sending again."""
            + PRIVATE)
    @RequestBody(required = true, description = FILE, content = {
            @Content(mediaType = "application/octet-stream", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 10485760)),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 10485760)),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 10485760)),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 10485760)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 10485760)),
            @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 10485760))})
    @APIResponse(responseCode = "201", description = "Kept", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JournalAttachmentResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "A bad entry id, or a `filename` over 255 characters or with control characters")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such entry of yours (also for deleted entries and other members' entries)")
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "`attachment-quota-exceeded` (with `quotaBytes` and `usedBytes`): your attachments "
            + "would take more than your quota; `attachment-limit-reached` (with `maxAttachments`): the entry has 20 attachments already")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE, description = "`payload-too-large`: the file is over 10 MiB (refused by its "
            + "Content-Length before reading, or as soon as a chunked body passes the limit)")
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE, description = "`unsupported-media-type`: the bytes are not a JPEG, PNG or WebP "
            + "image, a PDF or plain UTF-8 text, or claim to be an image and do not parse as one")
    @APIResponse(responseCode = "422", ref = Responses.UNPROCESSABLE, description = "`empty-attachment`: the file has no content")
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
    public RestResponse<JournalAttachmentResponse> upload(@RestPath("entryId") UUID entryId,
            @Parameter(description = "The file's name, shown back to you and used for downloads (any folder part is dropped; "
                    + "default `attachment.<extension>`)", example = "meeting-notes.txt", schema = @Schema(type = SchemaType.STRING, maxLength = AttachmentService.MAX_FILENAME)) @RestQuery("filename") @Size(max = AttachmentService.MAX_FILENAME) @Pattern(regexp = TextPatterns.SINGLE_LINE, message = TextPatterns.MESSAGE) String filename,
            InputStream body) {
        JournalAttachmentResponse created = attachments.add(entryId, filename, body);
        return RestResponse.ResponseBuilder
                .<JournalAttachmentResponse>created(
                        URI.create("/api/v1/me/journal/entries/" + entryId + "/attachments/" + created.id()))
                .entity(created).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMyJournalAttachments", summary = "A journal entry's attachments", description = "Metadata only, newest first; "
            + "download each file at `.../attachments/{attachmentId}/content`." + PRIVATE)
    @APIResponse(responseCode = "200", description = "One page of attachments", headers = @Header(name = "Link", description = "`<...>; rel=\"next\"` when there is a next page, `<...>; rel=\"prev\"` when there is a previous one (one header, comma-separated)", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Bad entry id, limit or cursor")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such entry of yours")
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
    public RestResponse<Page<JournalAttachmentResponse>> list(@RestPath("entryId") UUID entryId,
            @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(attachments.page(entryId, page), uri);
    }

    @GET
    @Path("/{attachmentId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMyJournalAttachment", summary = "One attachment's metadata", description = "Name, type, size, "
            + "SHA-256 of the stored bytes and whether metadata was stripped." + PRIVATE)
    @APIResponse(responseCode = "200", description = "The attachment", content = @Content(schema = @Schema(implementation = JournalAttachmentResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such entry or attachment of yours")
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
    public JournalAttachmentResponse get(@RestPath("entryId") UUID entryId,
            @RestPath("attachmentId") UUID attachmentId) {
        return attachments.get(entryId, attachmentId);
    }

    @GET
    @Path("/{attachmentId}/content")
    @Produces({"image/jpeg", "image/png", "image/webp", "application/pdf", "text/plain"})
    @Operation(operationId = "downloadMyJournalAttachment", summary = "Download an attachment", description = "The bytes as stored "
            + "(images without their metadata), with the type found at upload as Content-Type and `Content-Disposition: attachment` "
            + "with the file's name. Their SHA-256 is the attachment's `sha256`." + PRIVATE)
    @APIResponse(responseCode = "200", description = "The file", headers = {
            @Header(name = "Content-Disposition", description = "`attachment; filename=\"...\"; filename*=UTF-8''...`", schema = @Schema(type = SchemaType.STRING, maxLength = 2600, pattern = "^attachment; .*$"))}, content = {
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 10485760)),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 10485760)),
                    @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 10485760)),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 10485760)),
                    @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 10485760))})
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such entry or attachment of yours")
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
    public Response content(@RestPath("entryId") UUID entryId,
            @RestPath("attachmentId") UUID attachmentId) {
        AttachmentService.Download file = attachments.content(entryId, attachmentId);
        String type = file.mediaType().equals("text/plain") ? "text/plain; charset=UTF-8" : file.mediaType();
        return Response.ok(file.bytes(), type)
                .header("Content-Disposition", contentDisposition(file.filename())).build();
    }

    @DELETE
    @Path("/{attachmentId}")
    @Operation(operationId = "deleteMyJournalAttachment", summary = "Delete an attachment", description = "Deletes the file and its "
            + "metadata for good and frees its bytes of your quota. Deleting the entry deletes its attachments too.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such entry or attachment of yours (or already deleted)")
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
    public void delete(@RestPath("entryId") UUID entryId, @RestPath("attachmentId") UUID attachmentId) {
        attachments.delete(entryId, attachmentId);
    }

    /** RFC 6266: an ASCII fallback name and the exact name in RFC 8187 encoding. */
    static String contentDisposition(String filename) {
        String ascii = filename.replaceAll("[^\\x20-\\x7e]", "_").replace('"', '_').replace('\\', '_');
        String exact = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + exact;
    }
}
