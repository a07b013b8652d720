package org.kindred.pathways;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.groups.Basis;
import org.kindred.library.PublicReads;
import org.kindred.library.ResourceETags;
import org.kindred.pathways.api.DeadlinesResponse;
import org.kindred.pathways.api.PathwayListResponse;
import org.kindred.pathways.api.PathwayResponse;
import org.kindred.platform.error.BadRequestException;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.validation.CountryCode;

@Path("/api/v1/pathways")
@Tag(name = "Complaint pathways")
@Produces(MediaType.APPLICATION_JSON)
public class PathwaysResource {

    private static final String NOT_LEGAL_ADVICE = "**Not legal advice, and not yet verified.** Every entry is general "
            + "information compiled from the official source it names (`source`). An entry with `verified: false` "
            + "(today: every entry) has not been checked against that source by anyone; `checked` is then only the day "
            + "it was compiled. Every entry must be verified against its source before anyone relies on it.";

    private static final String DEADLINES_EXAMPLE = """
            {"incidentDate": "2026-03-02", "lastActDate": null, "pausedDays": 0, "timeZone": "America/Los_Angeles",
             "today": "2026-07-20", "notLegalAdvice": "This is general information, not legal advice. ...",
             "items": [{"pathwayId": "us-eeoc-charge", "pathwayName": "Charge of employment discrimination with the EEOC",
               "country": "US", "subdivisions": [],
               "body": {"name": "EEOC: file a charge of employment discrimination", "url": "https://www.eeoc.gov/filing-charge-discrimination", "resourceKey": "us-eeoc"},
               "deadlineId": "charge", "label": "File a charge with the EEOC", "date": "2026-08-31",
               "explanation": "180 days from 2026-03-02 = 2026-08-29 (a Saturday: moved to the next working day, 2026-08-31; public holidays are not considered)",
               "daysLeft": 42, "passed": false,
               "extensions": [{"date": "2026-12-28", "daysLeft": 161,
                 "condition": "A state or local agency enforces a law that prohibits employment discrimination on the same basis.",
                 "explanation": "300 days from 2026-03-02 = 2026-12-27 (a Sunday: moved to the next working day, 2026-12-28; public holidays are not considered) if a state or local agency enforces a law that prohibits employment discrimination on the same basis."}],
               "pause": null, "note": "Calendar days from the day of the discrimination. ...",
               "source": "https://www.eeoc.gov/time-limits-filing-charge", "checked": "2026-12-05",
               "notLegalAdvice": "This is general information, not legal advice. ...", "verified": false}]}""";

    private final PathwayCatalogue catalogue;
    private final PathwayDeadlines deadlines;
    private final PublicReads reads;
    private final ResourceETags etags;

    public PathwaysResource(PathwayCatalogue catalogue, PathwayDeadlines deadlines, PublicReads reads,
            ResourceETags etags) {
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.reads = reads;
        this.etags = etags;
    }

    @GET
    @SecurityRequirements
    @Operation(operationId = "listPathways", summary = "List complaint pathways", description = """
            Where and how to complain about discrimination, per jurisdiction: the body, the steps in order and the \
            time limits as data. Filter by `country`, `subdivision` (the country's national pathways plus that \
            subdivision's), `area` and `basis`. National pathways first, then by id. A short curated list: not \
            paginated. Anyone may call it; answers carry an `ETag` and `Cache-Control: public, max-age=300`.

            """ + NOT_LEGAL_ADVICE)
    @APIResponse(responseCode = "200", description = "The matching pathways", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = PathwayListResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified: your copy (If-None-Match) is current")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "An unknown `area` or `basis`, or a malformed `country` or `subdivision`")
    public RestResponse<PathwayListResponse> list(
            @Parameter(description = "ISO 3166-1 alpha-2 country", example = "US", schema = @Schema(type = SchemaType.STRING, maxLength = 2, pattern = "^[A-Z]{2}$")) @RestQuery @CountryCode @Size(max = 2) String country,
            @Parameter(description = "ISO 3166-2 subdivision; implies its country", example = "US-CA", schema = @Schema(type = SchemaType.STRING, maxLength = 6, pattern = "^[A-Z]{2}-[A-Z0-9]{1,3}$")) @RestQuery @Size(max = 6) String subdivision,
            @Parameter(description = "Where it happened") @RestQuery("area") Area area,
            @Parameter(description = "Ground of discrimination") @RestQuery("basis") Basis basis,
            @Context HttpHeaders headers) {
        PathwayFilter filter = new PathwayFilter(country, subdivision, area, basis);
        PathwayListResponse body = new PathwayListResponse(
                catalogue.matching(filter).stream().map(catalogue::response).toList());
        return reads.ok(body, etags.of(body), true, headers);
    }

    @GET
    @SecurityRequirements
    @Path("/deadlines")
    @Operation(operationId = "listPathwayDeadlines", summary = "Deadlines for an incident", description = """
            The time limits of every pathway that applies to an incident (same filters as the list), computed from \
            `incidentDate` (or `lastActDate`, the last act of a continuing course, where a rule counts from it), \
            earliest first. Each item explains its arithmetic ("180 days from 2026-03-02 = 2026-08-29") and lists \
            longer limits that apply only under a condition (e.g. 300 days for an EEOC charge where a state or local \
            agency enforces a law against the same discrimination). `pausedDays` extends the rules whose clock may \
            be paused (e.g. ACAS early conciliation). `daysLeft` counts from today in `timeZone` (default UTC).

            The query describes someone's incident, so answers are `Cache-Control: no-store`. An `incidentDate` or \
            `lastActDate` after today is a 422 (`date-in-future`), a `lastActDate` before `incidentDate` a 422 \
            (`dates-out-of-order`).

            """ + NOT_LEGAL_ADVICE)
    @APIResponse(responseCode = "200", description = "The deadlines, earliest first", content = @Content(schema = @Schema(implementation = DeadlinesResponse.class), examples = @ExampleObject(name = "eeoc", summary = "Work, California, 2 March 2026", value = DEADLINES_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "A missing `country` or `incidentDate`, a malformed date, time zone, country or subdivision, an unknown `area` or `basis`, or `pausedDays` out of range")
    @APIResponse(responseCode = "422", ref = Responses.UNPROCESSABLE, description = "A date in the future (`date-in-future`) or `lastActDate` before `incidentDate` (`dates-out-of-order`)")
    public RestResponse<DeadlinesResponse> deadlines(
            @Parameter(required = true, description = "ISO 3166-1 alpha-2 country", example = "US", schema = @Schema(type = SchemaType.STRING, maxLength = 2, pattern = "^[A-Z]{2}$")) @RestQuery @NotNull @CountryCode @Size(max = 2) String country,
            @Parameter(description = "ISO 3166-2 subdivision of `country`", example = "US-CA", schema = @Schema(type = SchemaType.STRING, maxLength = 6, pattern = "^[A-Z]{2}-[A-Z0-9]{1,3}$")) @RestQuery @Size(max = 6) String subdivision,
            @Parameter(description = "Where it happened") @RestQuery("area") Area area,
            @Parameter(description = "Ground of discrimination") @RestQuery("basis") Basis basis,
            @Parameter(required = true, description = "When it happened (ISO 8601 date)", example = "2026-03-02", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) @RestQuery @NotNull @Size(max = 10) String incidentDate,
            @Parameter(description = "The last act, when it continued (ISO 8601 date, not before `incidentDate`)", example = "2026-04-15", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) @RestQuery @Size(max = 10) String lastActDate,
            @Parameter(description = "Days the clock was paused, e.g. by ACAS early conciliation (0 to 3660)", example = "14", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "3660", defaultValue = "0")) @RestQuery("pausedDays") @Min(0) @Max(3660) Integer pausedDays,
            @Parameter(description = "IANA time zone of the member, for today and `daysLeft` (default UTC)", example = "Europe/London", schema = @Schema(type = SchemaType.STRING, maxLength = 64)) @RestQuery @Size(max = 64) String timeZone) {
        LocalDate incident = QueryDates.parse("incidentDate", incidentDate);
        PathwayFilter filter = new PathwayFilter(country, subdivision, area, basis);
        if (incident == null) {
            throw new BadRequestException("incidentDate", "is required");
        }
        if (filter.country() == null) {
            throw new BadRequestException("country", "is required");
        }
        PathwayDeadlines.Incident query = new PathwayDeadlines.Incident(filter, incident,
                QueryDates.parse("lastActDate", lastActDate), pausedDays == null ? 0 : pausedDays, zone(timeZone));
        return RestResponse.ResponseBuilder.ok(deadlines.forIncident(query))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @SecurityRequirements
    @Path("/{pathwayId}")
    @Operation(operationId = "getPathway", summary = "One complaint pathway", description = """
            A pathway by its id (stable; from the list). Sends an `ETag`; `If-None-Match` gives 304.

            """ + NOT_LEGAL_ADVICE)
    @APIResponse(responseCode = "200", description = "The pathway", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = PathwayResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified: your copy (If-None-Match) is current")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "An id longer than 80 characters")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public RestResponse<PathwayResponse> get(
            @Parameter(description = "The pathway's id", example = "us-eeoc-charge", schema = @Schema(type = SchemaType.STRING, maxLength = 80)) @RestPath @Size(max = 80) String pathwayId,
            @Context HttpHeaders headers) {
        PathwayResponse body = catalogue.get(pathwayId).map(catalogue::response)
                .orElseThrow(() -> new NotFoundException("There is no complaint pathway with this id"));
        return reads.ok(body, etags.of(body), true, headers);
    }

    private static ZoneId zone(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new BadRequestException("timeZone", "is not an IANA time zone, e.g. Europe/Berlin");
        }
    }
}
