package org.kindred.journal;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.journal.api.IncidentFields;
import org.kindred.journal.api.JournalEntryResponse;
import org.kindred.journal.api.JournalSummaryResponse;
import org.kindred.journal.api.UpdateIncidentRequest;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;
import org.kindred.platform.web.Versioned;

import io.quarkus.security.Authenticated;

/**
 * The member's incident journal. Private to its owner: no moderator or admin path reaches it, and another member's
 * entry is 404. Creation takes no Idempotency-Key on purpose: the replay cache would keep the entry's text unencrypted.
 */
@Path("/api/v1/me/journal")
@Tag(name = "Journal")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class JournalResource {

    private static final String PRIVATE = " Only you can read your journal: not moderators, not admins. It is encrypted at rest with a key of your own.";

    private final JournalService journal;

    public JournalResource(JournalService journal) {
        this.journal = journal;
    }

    @GET
    @Operation(operationId = "getMyJournal", summary = "Your journal at a glance", description = "How many entries you keep and the head of your journal's hash chain "
            + "(every version of every entry is a link; see the README's \"Incident journal\")." + PRIVATE)
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(schema = @Schema(implementation = JournalSummaryResponse.class)))
    public JournalSummaryResponse summary() {
        return journal.summary();
    }

    @GET
    @Path("/entries")
    @Operation(operationId = "listMyJournalEntries", summary = "Your journal entries", description = "Newest recorded first (by the server's `createdAt`, "
            + "not the incident's date). Each entry as last edited; fetch one for its earlier versions." + PRIVATE)
    @APIResponse(responseCode = "200", description = "One page of entries", headers = @Header(name = "Link", description = "`<...>; rel=\"next\"` when there is a next page", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Bad limit or cursor")
    public RestResponse<Page<JournalEntryResponse>> list(@Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(journal.page(page), uri);
    }

    @POST
    @Path("/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMyJournalEntry", summary = "Record an incident", description = "`whatHappened`, `date` and `area` are required. "
            + "A date (with `time` and `timeZone`, the moment) after now is refused with 422; without a time zone a date is in the future "
            + "only once it is tomorrow everywhere on Earth. Creation does not honour Idempotency-Key: a replay cache would keep your words "
            + "unencrypted; on a lost answer, list your entries before sending again." + PRIVATE)
    @APIResponse(responseCode = "201", description = "Recorded", headers = {
            @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "Send as If-Match with PATCH", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = JournalEntryResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Malformed JSON, a missing or too long field, an unknown area or ground, a time zone that is not an IANA zone")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = Responses.UNPROCESSABLE, description = "`date-in-future`")
    public RestResponse<JournalEntryResponse> create(@Valid @NotNull IncidentFields request) {
        Versioned<JournalEntryResponse> created = journal.create(request);
        return RestResponse.ResponseBuilder
                .<JournalEntryResponse>created(URI.create("/api/v1/me/journal/entries/" + created.body().id()))
                .entity(created.body()).header("ETag", created.etag()).build();
    }

    @GET
    @Path("/entries/{entryId}")
    @Operation(operationId = "getMyJournalEntry", summary = "One journal entry with its history", description = "The entry as last edited, and in `revisions` "
            + "every version as it was recorded, oldest first, the original included." + PRIVATE)
    @APIResponse(responseCode = "200", description = "The entry", headers = @Header(name = "ETag", description = "Send as If-Match with PATCH", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = JournalEntryResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such entry of yours (also for deleted entries and other members' entries)")
    public RestResponse<JournalEntryResponse> get(@RestPath("entryId") UUID entryId) {
        return journal.get(entryId).ok();
    }

    @PATCH
    @Path("/entries/{entryId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateMyJournalEntry", summary = "Edit a journal entry", description = "A merge patch. The edit is appended as a new revision "
            + "(and a new link of the hash chain); the original and every earlier version stay. A patch that changes nothing records nothing. "
            + "Honours If-Match (the ETag is the version)." + PRIVATE)
    @APIResponse(responseCode = "200", description = "The entry after the edit", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = JournalEntryResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Malformed JSON, a too long field, a required field set to null, an unknown value")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such entry of yours")
    @APIResponse(responseCode = "412", ref = Responses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = Responses.UNPROCESSABLE, description = "`date-in-future`")
    public RestResponse<JournalEntryResponse> update(@RestPath("entryId") UUID entryId,
            @Valid @NotNull UpdateIncidentRequest request,
            @Parameter(description = "ETag from GET; the edit is refused with 412 if the entry changed since") @RestHeader("If-Match") String ifMatch) {
        return journal.update(entryId, request, ifMatch).ok();
    }

    @DELETE
    @Path("/entries/{entryId}")
    @Operation(operationId = "deleteMyJournalEntry", summary = "Delete a journal entry", description = "Deletes what the entry and all its versions said, and its attachments, for good. "
            + "Their hashes stay in the chain (content-free), so exports made earlier still verify.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such entry of yours (or already deleted)")
    public void delete(@RestPath("entryId") UUID entryId) {
        journal.delete(entryId);
    }
}
