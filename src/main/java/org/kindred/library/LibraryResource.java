package org.kindred.library;

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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.library.api.CreateResourceRequest;
import org.kindred.library.api.CrisisLinesResponse;
import org.kindred.library.api.ResourceChangeResponse;
import org.kindred.library.api.ResourceResponse;
import org.kindred.library.api.ServiceArea;
import org.kindred.library.api.UpdateResourceRequest;
import org.kindred.library.partners.AcceptsPartnerKey;
import org.kindred.library.partners.PartnerScopes;
import org.kindred.platform.idempotency.Idempotent;
import org.kindred.platform.openapi.ApiTypes;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;
import org.kindred.platform.web.Versioned;

@Path("/api/v1/resources")
@Tag(name = "Resources")
@Produces(MediaType.APPLICATION_JSON)
public class LibraryResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final ResourceCatalogue catalogue;
    private final ResourceCuration curation;
    private final ResourceChangeLog changeLog;
    private final CrisisLines crisisLines;
    private final PublicReads reads;
    private final ResourceETags etags;

    public LibraryResource(ResourceCatalogue catalogue, ResourceCuration curation, ResourceChangeLog changeLog,
            CrisisLines crisisLines, PublicReads reads, ResourceETags etags) {
        this.catalogue = catalogue;
        this.curation = curation;
        this.changeLog = changeLog;
        this.crisisLines = crisisLines;
        this.reads = reads;
        this.etags = etags;
    }

    @GET
    @AcceptsPartnerKey(scopes = {PartnerScopes.FEEDS_READ, PartnerScopes.RESOURCES_SUBMIT})
    @SecurityRequirementsSet
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "partnerKey")
    @Operation(operationId = "listResources", summary = "List resources", description = """
            Published resources, filtered by `type`, `basis`, `topic`, `country` (also matching resources serving \
            everywhere: `countries: ["GLOBAL"]`), `language` and full-text `q`. Order: by relevance with `q` (ties by \
            id); oldest change first with `modifiedSince`; otherwise newest change first. Anyone may call it; a partner \
            key only raises the rate limit.

            **Delta sync**: store the largest `updatedAt` you have seen and ask again with `modifiedSince` set to it. \
            The answer includes resources archived since then (`status: ARCHIVED`): delete your copies of those.

            Public answers carry an `ETag` and `Cache-Control: public, max-age=300`; send `If-None-Match` to get 304. \
            `status` (admins: any; partners: their own submissions) and `stale=true` (admins) answers are \
            `Cache-Control: no-store`.""")
    @APIResponse(responseCode = "200", description = "A page of resources", headers = {
            @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Link", description = "`<...>; rel=\"next\"` when there is a next page, `<...>; rel=\"prev\"` when there is a previous one (one header, comma-separated)", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = ResourcePage.class)))
    @APIResponse(responseCode = "304", description = "Not modified: your copy (If-None-Match) is current")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = Responses.UNAUTHORIZED, description = "An unknown or revoked API key, or `status`/`stale` without credentials")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "`status` or `stale` by a caller who may not use them")
    public RestResponse<Page<ResourceResponse>> list(@BeanParam @Valid ResourceListParams page,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        ResourceFilter filter = page.filter();
        boolean isPublic = !filter.staleOnly()
                && (filter.status() == null || filter.status() == ResourceStatus.PUBLISHED);
        return reads.page(catalogue.list(filter, page.page()), isPublic, headers, uri);
    }

    @GET
    @Path("/crisis")
    @AcceptsPartnerKey(scopes = {PartnerScopes.FEEDS_READ, PartnerScopes.RESOURCES_SUBMIT})
    @SecurityRequirementsSet
    @SecurityRequirement(name = "partnerKey")
    @Operation(operationId = "listCrisisLines", summary = "Crisis lines for a country", description = """
            The published crisis lines and helplines of a country, those answering around the clock first, crisis \
            lines before general helplines. When the country has none, the international ones (`international: true`), \
            also when no country is given. The same list the safety check offers people who may be in crisis.""")
    @APIResponse(responseCode = "200", description = "The crisis lines", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = CrisisLinesResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified: your copy (If-None-Match) is current")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = Responses.UNAUTHORIZED, description = "An unknown or revoked API key")
    public RestResponse<CrisisLinesResponse> crisis(
            @Parameter(description = "ISO 3166-1 alpha-2 country; omit (or GLOBAL) for international lines", example = "GB", schema = @Schema(ref = ApiTypes.SERVICE_AREA)) @RestQuery @ServiceArea String country,
            @Context HttpHeaders headers) {
        CrisisLinesResponse lines = crisisLines.forCountry(country);
        return reads.ok(lines, etags.of(lines), true, headers);
    }

    @GET
    @Path("/{resourceId}")
    @AcceptsPartnerKey(scopes = {PartnerScopes.FEEDS_READ, PartnerScopes.RESOURCES_SUBMIT})
    @SecurityRequirementsSet
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "partnerKey")
    @Operation(operationId = "getResource", summary = "One resource", description = """
            A published resource, for anyone. Admins also see pending and archived ones; a partner sees its own \
            submissions (to follow the review). Sends an `ETag` (send it as `If-None-Match` for 304, or as `If-Match` \
            with PATCH and DELETE).""")
    @APIResponse(responseCode = "200", description = "The resource", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = ResourceResponse.class)))
    @APIResponse(responseCode = "304", description = "Not modified: your copy (If-None-Match) is current")
    @APIResponse(responseCode = "401", ref = Responses.UNAUTHORIZED, description = "An unknown or revoked API key")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public RestResponse<ResourceResponse> get(@RestPath UUID resourceId, @Context HttpHeaders headers) {
        Versioned<ResourceResponse> resource = catalogue.get(resourceId);
        return reads.ok(resource.body(), resource.etag(), resource.body().status() == ResourceStatus.PUBLISHED,
                headers);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Parameter(ref = Responses.IDEMPOTENCY_KEY)
    @AcceptsPartnerKey(scopes = PartnerScopes.RESOURCES_SUBMIT)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "partnerKey")
    @Operation(operationId = "createResource", summary = "Add a resource", description = """
            Admins add a resource to the library: it is published at once. Partner organisations (X-Api-Key with \
            `resources:submit`) submit one: it waits in `PENDING_REVIEW`, invisible to the public, until an admin \
            publishes it. A URL already in the library (or waiting for review) is a 409. Accepts `Idempotency-Key` \
            (for partners, keys belong to the organisation, whichever of its API keys sends them).""")
    @APIResponse(responseCode = "201", description = "Created (admin) or submitted (partner)", headers = {
            @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = ResourceResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "Not an admin, or a key without `resources:submit`")
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "This URL is already in the library (`existingResourceId` when you may see it), or a request with the same Idempotency-Key is still being processed after a retry waited for it (`idempotency-key-in-progress`)")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = Responses.UNPROCESSABLE)
    public RestResponse<ResourceResponse> create(@Valid @NotNull CreateResourceRequest request,
            @Context UriInfo uri) {
        Versioned<ResourceResponse> created = curation.create(request);
        URI location = uri.getBaseUriBuilder().path("api/v1/resources").path(created.body().id().toString()).build();
        return RestResponse.ResponseBuilder.<ResourceResponse>created(location).entity(created.body())
                .header(HttpHeaders.ETAG, created.etag()).build();
    }

    @PATCH
    @Path("/{resourceId}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @AcceptsPartnerKey(scopes = PartnerScopes.RESOURCES_SUBMIT)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "partnerKey")
    @Operation(operationId = "updateResource", summary = "Change a resource", description = """
            JSON Merge Patch (RFC 7396). Admins change any resource; a partner changes its own submissions while they \
            wait for review (409 once reviewed). Every change is logged (who, when, which fields, before and after). \
            Honours If-Match (412 when the resource changed since you read it).""")
    @APIResponse(responseCode = "200", description = "The resource after the change", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = ResourceResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "The new URL is already in the library, or the submission was already reviewed")
    @APIResponse(responseCode = "412", ref = Responses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<ResourceResponse> update(@RestPath UUID resourceId,
            @Valid @NotNull UpdateResourceRequest request,
            @Parameter(description = "ETag from GET; the change is refused with 412 if the resource changed since") @RestHeader("If-Match") String ifMatch) {
        return withETag(curation.update(resourceId, request, ifMatch));
    }

    @DELETE
    @Path("/{resourceId}")
    @AcceptsPartnerKey(scopes = PartnerScopes.RESOURCES_SUBMIT)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "partnerKey")
    @Operation(operationId = "archiveResource", summary = "Archive a resource", description = """
            Admins archive a resource: it leaves the public list and feeds (delta sync reports it as an ARCHIVED \
            tombstone) but keeps its change log, and publishing restores it. A partner withdraws its own submission \
            while it waits for review. Archiving an archived resource changes nothing. Honours If-Match.""")
    @APIResponse(responseCode = "204", description = "Archived")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "A partner's submission that was already reviewed")
    @APIResponse(responseCode = "412", ref = Responses.PRECONDITION_FAILED)
    public void archive(@RestPath UUID resourceId,
            @Parameter(description = "ETag from GET; refused with 412 if the resource changed since") @RestHeader("If-Match") String ifMatch) {
        curation.archive(resourceId, ifMatch);
    }

    @POST
    @Path("/{resourceId}/publish")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "publishResource", summary = "Publish a resource", description = """
            Admins approve a partner's submission, or restore an archived resource: it becomes public, and \
            `lastVerifiedAt` becomes now (reviewing is verifying). Publishing a published resource changes nothing.""")
    @APIResponse(responseCode = "200", description = "The published resource", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = ResourceResponse.class)))
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "Its URL is now used by another live resource")
    public RestResponse<ResourceResponse> publish(@RestPath UUID resourceId) {
        return withETag(curation.publish(resourceId));
    }

    @POST
    @Path("/{resourceId}/verify")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "verifyResource", summary = "Confirm a resource is still correct", description = """
            Admins record that they checked a published resource (phone numbers, URL, hours): `lastVerifiedAt` becomes \
            now and it is no longer `stale`. Stale resources are listed with `GET /api/v1/resources?stale=true`.""")
    @APIResponse(responseCode = "200", description = "The verified resource", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = ResourceResponse.class)))
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "The resource is not published")
    public RestResponse<ResourceResponse> verify(@RestPath UUID resourceId) {
        return withETag(curation.verify(resourceId));
    }

    @GET
    @Path("/{resourceId}/changes")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listResourceChanges", summary = "A resource's change log", description = """
            Admins: who changed the resource (an admin account, a partner organisation or the seed loader), when, and \
            which fields with their values before and after. Newest first.""")
    @APIResponse(responseCode = "200", description = "A page of changes", content = @Content(schema = @Schema(implementation = ResourceChangePage.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public RestResponse<Page<ResourceChangeResponse>> changes(@RestPath UUID resourceId,
            @BeanParam @Valid PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(changeLog.page(resourceId, page), uri);
    }

    private static RestResponse<ResourceResponse> withETag(Versioned<ResourceResponse> versioned) {
        return RestResponse.ResponseBuilder.ok(versioned.body()).header(HttpHeaders.ETAG, versioned.etag()).build();
    }

    /** For the OpenAPI document: a page of resources. */
    @Schema(name = "ResourcePage")
    public record ResourcePage(@Schema(required = true, maxItems = 100) java.util.List<ResourceResponse> items,
            @Schema(nullable = true, description = "Cursor of the next page; null on the last page", maxLength = 1024) String nextCursor,
            @Schema(nullable = true, description = Page.PREV_CURSOR, maxLength = 1024) String prevCursor) {
    }

    /** For the OpenAPI document: a page of changes. */
    @Schema(name = "ResourceChangePage")
    public record ResourceChangePage(
            @Schema(required = true, maxItems = 100) java.util.List<ResourceChangeResponse> items,
            @Schema(nullable = true, description = "Cursor of the next page; null on the last page", maxLength = 1024) String nextCursor,
            @Schema(nullable = true, description = Page.PREV_CURSOR, maxLength = 1024) String prevCursor) {
    }
}
