package org.kindred.library.partners;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.library.api.CreatePartnerKeyRequest;
import org.kindred.library.api.CreatePartnerRequest;
import org.kindred.library.api.CreatedPartnerKeyResponse;
import org.kindred.library.api.PartnerResponse;
import org.kindred.platform.idempotency.Idempotent;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;
import org.kindred.platform.security.CurrentUser;

@Path("/api/v1/partners")
@Tag(name = "Partners")
@RolesAllowed(CurrentUser.ADMIN)
// OpenAPI 3.1 lets non-OAuth requirements name the roles they need: here the token's `admin` group.
@SecurityRequirement(name = "bearer", scopes = CurrentUser.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {

    private final PartnerService partners;

    public PartnerResource(PartnerService partners) {
        this.partners = partners;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Parameter(ref = Responses.IDEMPOTENCY_KEY)
    @Operation(operationId = "createPartner", summary = "Register a partner organisation", description = "Admins register an organisation that embeds the library's feeds or submits resources; then issue it API keys. Accepts `Idempotency-Key`.")
    @APIResponse(responseCode = "201", description = "Registered", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = PartnerResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "An organisation with this name is registered, or a request with the same Idempotency-Key is still being processed after a retry waited for it (`idempotency-key-in-progress`)")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = Responses.UNPROCESSABLE)
    public RestResponse<PartnerResponse> create(@Valid @NotNull CreatePartnerRequest request, @Context UriInfo uri) {
        PartnerResponse partner = partners.create(request);
        URI location = uri.getBaseUriBuilder().path("api/v1/partners").path(partner.id().toString()).build();
        return RestResponse.ResponseBuilder.<PartnerResponse>created(location).entity(partner).build();
    }

    @GET
    @Operation(operationId = "listPartners", summary = "List partner organisations", description = "Admins: the registered organisations, oldest first, each with its keys and their usage.")
    @APIResponse(responseCode = "200", description = "A page of partners", content = @Content(schema = @Schema(implementation = PartnerPage.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    public RestResponse<Page<PartnerResponse>> list(@BeanParam @Valid PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(partners.list(page), uri);
    }

    @GET
    @Path("/{partnerId}")
    @Operation(operationId = "getPartner", summary = "A partner organisation", description = "Admins: the organisation and all its API keys (revoked ones too), with each key's scopes, rate limit and usage: request count and last use.")
    @APIResponse(responseCode = "200", description = "The partner", content = @Content(schema = @Schema(implementation = PartnerResponse.class)))
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public PartnerResponse get(@RestPath UUID partnerId) {
        return partners.get(partnerId);
    }

    @POST
    @Path("/{partnerId}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPartnerKey", summary = "Issue an API key", description = """
            Admins issue a key with scopes (`feeds:read`, `resources:submit`) and a rate limit. The secret (`apiKey`, \
            starting `kpk_`) is in this response only: Kindred stores its hash. Hand it to the partner over a secure \
            channel. Not idempotent on purpose: a replayed answer would have to store the secret; if a retry made a \
            second key, revoke the one you did not hand out.""")
    @APIResponse(responseCode = "201", description = "The key and its secret, shown once", content = @Content(schema = @Schema(implementation = CreatedPartnerKeyResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<CreatedPartnerKeyResponse> issueKey(@RestPath UUID partnerId,
            @Valid @NotNull CreatePartnerKeyRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, partners.issueKey(partnerId, request));
    }

    @DELETE
    @Path("/{partnerId}/keys/{keyId}")
    @Operation(operationId = "revokePartnerKey", summary = "Revoke an API key", description = "Admins revoke a key: from the next request on, on every replica, it gets 401. Revoking a revoked key changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public void revokeKey(@RestPath UUID partnerId, @RestPath UUID keyId) {
        partners.revokeKey(partnerId, keyId);
    }

    /** For the OpenAPI document: a page of partners. */
    @Schema(name = "PartnerPage")
    public record PartnerPage(@Schema(required = true, maxItems = 100) java.util.List<PartnerResponse> items,
            @Schema(nullable = true, description = "Cursor of the next page; null on the last page", maxLength = 1024) String nextCursor,
            @Schema(nullable = true, description = Page.PREV_CURSOR, maxLength = 1024) String prevCursor) {
    }
}
