package org.kindred.journal;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.journal.api.IncidentFields;
import org.kindred.journal.api.JournalEntryResponse;
import org.kindred.journal.api.JournalReminderRequest;
import org.kindred.journal.api.JournalRemindersResponse;
import org.kindred.journal.api.JournalSummaryResponse;
import org.kindred.journal.api.UpdateIncidentRequest;
import org.kindred.pathways.QueryDates;
import org.kindred.pathways.api.DeadlinesResponse;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;
import org.kindred.platform.validation.CountryCode;
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

    private static final String PRIVATE = " Only you can read your journal: not moderators, not admins. It is encrypted at rest with a key of your own "
            + "(held by the service, wrapped by its key-encryption key, and by your journal passphrase if you set one: then send it in "
            + "`Kindred-Journal-Passphrase`; a lost passphrase loses the journal).";

    private final JournalService journal;
    private final JournalReminders reminders;

    public JournalResource(JournalService journal, JournalReminders reminders) {
        this.journal = journal;
        this.reminders = reminders;
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
    @APIResponse(responseCode = "200", description = "One page of entries", headers = @Header(name = "Link", description = "`<...>; rel=\"next\"` when there is a next page, `<...>; rel=\"prev\"` when there is a previous one (one header, comma-separated)", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Bad limit or cursor")
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
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
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
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
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
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
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
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
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
    public void delete(@RestPath("entryId") UUID entryId) {
        journal.delete(entryId);
    }
    @GET
    @Path("/entries/{entryId}/deadlines")
    @Operation(operationId = "listMyJournalEntryDeadlines", summary = "Deadlines for a journal entry", description = """
            The time limits of every complaint pathway that applies to this incident, earliest first: the entry's \
            `date`, `area` and `grounds` (any of them) with the `country` (and `subdivision`) you name. Each item \
            explains its arithmetic and lists longer limits that apply only under a condition; `daysLeft` counts from \
            today in `timeZone` (default: the entry's time zone, else UTC). Same computation as \
            GET /api/v1/pathways/deadlines, without sending the incident's date over the wire. `Cache-Control: \
            no-store`. This is general information, not legal advice: check each pathway's source.""" + PRIVATE)
    @APIResponse(responseCode = "200", description = "The deadlines, earliest first", headers = @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = DeadlinesResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "A missing or malformed `country`, a malformed `subdivision`, date or time zone, or `pausedDays` out of range")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such entry of yours")
    @APIResponse(responseCode = "422", ref = Responses.UNPROCESSABLE, description = "`lastActDate` in the future (`date-in-future`) or before the entry's date (`dates-out-of-order`)")
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
    public RestResponse<DeadlinesResponse> deadlines(@RestPath("entryId") UUID entryId,
            @Parameter(required = true, description = "ISO 3166-1 alpha-2 country whose pathways apply", example = "GB", schema = @Schema(type = SchemaType.STRING, maxLength = 2, pattern = "^[A-Z]{2}$")) @RestQuery @CountryCode @Size(max = 2) String country,
            @Parameter(description = "ISO 3166-2 subdivision of `country`", example = "GB-ENG", schema = @Schema(type = SchemaType.STRING, maxLength = 6, pattern = "^[A-Z]{2}-[A-Z0-9]{1,3}$")) @RestQuery @Size(max = 6) String subdivision,
            @Parameter(description = "The last act, when it continued (ISO 8601 date)", example = "2026-11-20", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) @RestQuery @Size(max = 10) String lastActDate,
            @Parameter(description = "Days the clock was paused (0 to 3660)", example = "0", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "3660", defaultValue = "0")) @RestQuery("pausedDays") @Min(0) @Max(3660) Integer pausedDays,
            @Parameter(description = "IANA time zone for today and `daysLeft`", example = "Europe/London", schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @RestQuery @Size(max = 64) String timeZone) {
        JournalReminderRequest where = where(country, subdivision, lastActDate, pausedDays, timeZone);
        return RestResponse.ResponseBuilder.ok(reminders.deadlines(entryId, where))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("/entries/{entryId}/reminders")
    @Operation(operationId = "getMyJournalEntryReminders", summary = "Deadline reminders of a journal entry", description = "The plan and every "
            + "reminder, sent or due. 404 when reminders are off for the entry." + PRIVATE)
    @APIResponse(responseCode = "200", description = "The reminders", headers = @Header(name = "ETag", description = "Send as If-Match with PUT", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = JournalRemindersResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such entry of yours, or no reminders set for it")
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
    public RestResponse<JournalRemindersResponse> getReminders(@RestPath("entryId") UUID entryId) {
        return reminders.get(entryId).ok();
    }

    @PUT
    @Path("/entries/{entryId}/reminders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setMyJournalEntryReminders", summary = "Turn on (or change) deadline reminders", description = """
            Opt-in reminders 30, 7 and 1 days before each time limit that applies to the entry (see \
            GET …/deadlines, same inputs), at 09:00 in `timeZone` (default: the entry's, else UTC), as content-free \
            `JOURNAL_DEADLINE` notifications (entry id and days left only). Reminders whose day has passed are not \
            scheduled; one due today after 09:00 comes at once. Replaces an earlier plan; reminders already sent \
            stay sent. Editing the entry's date, area or grounds recomputes them. Turn the notification kind off in \
            your notification settings to keep the plan but receive nothing. Honours If-Match.

            What this stores unencrypted: the plan itself is encrypted like the entry, but to send reminders on time \
            the database keeps, in clear, when each reminder is due and the date of the deadline it is for. Anyone \
            with the database (an operator, a thief of a backup) can see that you are tracking a complaint deadline, \
            when it falls and, from the period between them, roughly when the incident happened and which kind of \
            route it may be (e.g. three months less one day suggests an Employment Tribunal in Great Britain); the \
            09:00 due times reveal your time zone's offset. Not what happened, where or who."""
            + PRIVATE)
    @APIResponse(responseCode = "200", description = "The reminders now", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = JournalRemindersResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Malformed JSON, a missing or malformed `country`, a malformed `subdivision`, date or time zone, `pausedDays` out of range")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such entry of yours")
    @APIResponse(responseCode = "412", ref = Responses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = Responses.UNPROCESSABLE, description = "`lastActDate` in the future (`date-in-future`) or before the entry's date (`dates-out-of-order`)")
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
    public RestResponse<JournalRemindersResponse> setReminders(@RestPath("entryId") UUID entryId,
            @Valid @NotNull JournalReminderRequest request,
            @Parameter(description = "ETag from GET …/reminders; refused with 412 if the reminders changed since") @RestHeader("If-Match") String ifMatch) {
        return reminders.set(entryId, request, ifMatch).ok();
    }

    @DELETE
    @Path("/entries/{entryId}/reminders")
    @Operation(operationId = "deleteMyJournalEntryReminders", summary = "Turn off deadline reminders", description = "Forgets the plan and every "
            + "reminder of the entry, and deletes the reminder notifications about it.")
    @APIResponse(responseCode = "204", description = "Turned off")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such entry of yours, or no reminders set for it")
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
    public void deleteReminders(@RestPath("entryId") UUID entryId) {
        reminders.delete(entryId);
    }

    private static JournalReminderRequest where(String country, String subdivision, String lastActDate,
            Integer pausedDays, String timeZone) {
        if (country == null || country.isEmpty()) {
            throw new BadRequestException("country", "is required");
        }
        return new JournalReminderRequest(country, subdivision == null || subdivision.isEmpty() ? null : subdivision,
                QueryDates.parse("lastActDate", lastActDate), pausedDays,
                timeZone == null || timeZone.isEmpty() ? null : timeZone);
    }
}
