package org.kindred.webhooks;

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
import org.eclipse.microprofile.openapi.annotations.callbacks.Callback;
import org.eclipse.microprofile.openapi.annotations.callbacks.CallbackOperation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.library.partners.AcceptsPartnerKey;
import org.kindred.library.partners.PartnerScopes;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;
import org.kindred.webhooks.OutboxRepository.Status;
import org.kindred.webhooks.api.CreateWebhookEndpointRequest;
import org.kindred.webhooks.api.UpdateWebhookEndpointRequest;
import org.kindred.webhooks.api.WebhookDeliveryResponse;
import org.kindred.webhooks.api.WebhookEndpointCreatedResponse;
import org.kindred.webhooks.api.WebhookEndpointResponse;
import org.kindred.webhooks.api.WebhookMessage;
import org.kindred.webhooks.api.WebhookSecretResponse;

@Path("/api/v1/webhooks/endpoints")
@Tag(name = "Webhooks", description = """
        Standard Webhooks for partner organisations (resource.published, resource.updated, resource.archived) and \
        operators (care.held). Each message is a POST of a `WebhookMessage`, signed with the endpoint's secret; see \
        the README's "Webhooks for partners" for verification, retries and rotation.""")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookEndpointResource {

    private static final String ETAG_DESCRIPTION = "Send it as If-Match with PATCH or DELETE";

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;

    public WebhookEndpointResource(WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @AcceptsPartnerKey(scopes = PartnerScopes.WEBHOOKS_MANAGE)
    @SecurityRequirement(name = "partnerKey")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createWebhookEndpoint", summary = "Register a webhook endpoint", description = """
            A partner organisation (X-Api-Key with `webhooks:manage`) registers an endpoint for resource events; a \
            platform admin registers an operators' endpoint, which may also receive `care.held`. The URL must be https \
            and resolve to public addresses only (422 with the `reason` otherwise; an operator may also restrict hosts \
            to an allow-list). At most 10 endpoints per organisation (409 with the `limit`). The answer's `secret` \
            (`whsec_...`) is shown **once**: verify every message's signature with it. No `Idempotency-Key`: a replay \
            would mean storing the secret; if a retry registered a second endpoint, delete it.""")
    @APIResponse(responseCode = "201", description = "Registered; the secret is in this answer only", headers = {
            @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = WebhookEndpointCreatedResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Malformed JSON, an unknown event type, `care.held` on a partner's endpoint, a URL over 2048 characters")
    @APIResponse(responseCode = "401", ref = Responses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "A member who is not an admin, or a key without `webhooks:manage`")
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "The owner already has the most endpoints allowed (`limit`)")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = Responses.UNPROCESSABLE, description = "The URL is not https, has user information, does not resolve, resolves to a private, loopback, link-local, multicast or reserved address, or is not on the allow-list (`reason`)")
    @Callback(name = "webhookMessage", callbackUrlExpression = "{$request.body#/url}", operations = @CallbackOperation(method = "post", summary = "A webhook message (Kindred calls your endpoint)", description = """
            What Kindred POSTs to your endpoint. Verify `webhook-signature` before trusting the body, deduplicate on \
            `webhook-id`, answer 2xx within 10 seconds (do the work afterwards). Any other answer, a timeout or a \
            refused connection is retried with exponential backoff and jitter for 24 hours, then the message is dead \
            (see the delivery log; redeliver by hand).""", parameters = {
            @Parameter(name = "webhook-id", in = ParameterIn.HEADER, required = true, description = "The message id: the same on every attempt", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36)),
            @Parameter(name = "webhook-timestamp", in = ParameterIn.HEADER, required = true, description = "Unix seconds of this attempt; reject messages more than 5 minutes off your clock", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,19}$", maxLength = 19)),
            @Parameter(name = "webhook-signature", in = ParameterIn.HEADER, required = true, description = "Space-separated `v1,<base64 HMAC-SHA256>` signatures over `<webhook-id>.<webhook-timestamp>.<body>`; one valid signature suffices", schema = @Schema(type = SchemaType.STRING, maxLength = 200))}, requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookMessage.class))), responses = @APIResponse(responseCode = "default", description = "Any 2xx: received. Anything else, or no answer within 10 seconds: retried later")))
    public RestResponse<WebhookEndpointCreatedResponse> create(@Valid @NotNull CreateWebhookEndpointRequest request,
            @Context UriInfo uri) {
        WebhookEndpointCreatedResponse created = endpoints.create(request);
        URI location = uri.getBaseUriBuilder().path("api/v1/webhooks/endpoints")
                .path(created.endpoint().id().toString()).build();
        return RestResponse.ResponseBuilder.<WebhookEndpointCreatedResponse>created(location).entity(created)
                .header(HttpHeaders.ETAG, endpoints.get(created.endpoint().id()).etag()).build();
    }

    @GET
    @AcceptsPartnerKey(scopes = PartnerScopes.WEBHOOKS_MANAGE)
    @SecurityRequirement(name = "partnerKey")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listWebhookEndpoints", summary = "Your webhook endpoints", description = "A partner's own endpoints, or (admins) the operators' endpoints; oldest first. Secrets are never shown again.")
    @APIResponse(responseCode = "200", description = "A page of endpoints", headers = @Header(name = "Link", description = "`<...>; rel=\"next\"` when there is a next page, `<...>; rel=\"prev\"` when there is a previous one (one header, comma-separated)", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = WebhookEndpointPage.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = Responses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    public RestResponse<Page<WebhookEndpointResponse>> list(@Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(endpoints.list(page), uri);
    }

    @GET
    @Path("/{endpointId}")
    @AcceptsPartnerKey(scopes = PartnerScopes.WEBHOOKS_MANAGE)
    @SecurityRequirement(name = "partnerKey")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getWebhookEndpoint", summary = "One of your webhook endpoints", description = "Another organisation's endpoint is a 404, exactly like one that does not exist.")
    @APIResponse(responseCode = "200", description = "The endpoint", headers = @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = WebhookEndpointResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = Responses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public RestResponse<WebhookEndpointResponse> get(@RestPath("endpointId") UUID endpointId) {
        return endpoints.get(endpointId).ok();
    }

    @PATCH
    @Path("/{endpointId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @AcceptsPartnerKey(scopes = PartnerScopes.WEBHOOKS_MANAGE)
    @SecurityRequirement(name = "partnerKey")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateWebhookEndpoint", summary = "Change a webhook endpoint", description = """
            Change the URL (checked like a new one), the subscribed event types or the description. Messages already \
            queued go to the new URL. Honours If-Match (412 when the endpoint changed since you read it).""")
    @APIResponse(responseCode = "200", description = "The endpoint after the change", headers = @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = WebhookEndpointResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = Responses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "412", ref = Responses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = Responses.UNPROCESSABLE, description = "The new URL is refused (`reason`)")
    public RestResponse<WebhookEndpointResponse> update(@RestPath("endpointId") UUID endpointId,
            @Valid @NotNull UpdateWebhookEndpointRequest request,
            @Parameter(description = "ETag from GET; refused with 412 if the endpoint changed since") @RestHeader("If-Match") String ifMatch) {
        return endpoints.update(endpointId, request, ifMatch).ok();
    }

    @DELETE
    @Path("/{endpointId}")
    @AcceptsPartnerKey(scopes = PartnerScopes.WEBHOOKS_MANAGE)
    @SecurityRequirement(name = "partnerKey")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint", description = "Stops deliveries at once; its undelivered messages and delivery log are deleted with it. Honours If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = Responses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "412", ref = Responses.PRECONDITION_FAILED)
    public void delete(@RestPath("endpointId") UUID endpointId,
            @Parameter(description = "ETag from GET; refused with 412 if the endpoint changed since") @RestHeader("If-Match") String ifMatch) {
        endpoints.delete(endpointId, ifMatch);
    }

    @POST
    @Path("/{endpointId}/rotate-secret")
    @AcceptsPartnerKey(scopes = PartnerScopes.WEBHOOKS_MANAGE)
    @SecurityRequirement(name = "partnerKey")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate an endpoint's signing secret", description = """
            A new secret, shown once. For 24 hours (`previousSecretExpiresAt`) every message carries two signatures, \
            one per secret, so your receiver keeps verifying while you deploy the new secret. Rotating again within \
            those hours retires the oldest secret at once.""")
    @APIResponse(responseCode = "200", description = "The new secret", content = @Content(schema = @Schema(implementation = WebhookSecretResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = Responses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public WebhookSecretResponse rotate(@RestPath("endpointId") UUID endpointId) {
        return endpoints.rotate(endpointId);
    }

    @GET
    @Path("/{endpointId}/deliveries")
    @AcceptsPartnerKey(scopes = PartnerScopes.WEBHOOKS_MANAGE)
    @SecurityRequirement(name = "partnerKey")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listWebhookDeliveries", summary = "An endpoint's delivery log", description = """
            Every message to the endpoint, newest first: id (`webhook-id`), event type, status, attempts, your \
            endpoint's last answer and the times; never the payload. `status=DEAD` lists what was given up on after \
            the retry window. The body the endpoint received (`WebhookMessage`) is described in this document's \
            schemas.""")
    @APIResponse(responseCode = "200", description = "A page of deliveries", headers = @Header(name = "Link", description = "`<...>; rel=\"next\"` when there is a next page, `<...>; rel=\"prev\"` when there is a previous one (one header, comma-separated)", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = WebhookDeliveryPage.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = Responses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public RestResponse<Page<WebhookDeliveryResponse>> deliveries(@RestPath("endpointId") UUID endpointId,
            @Parameter(description = "Only messages in this state") @RestQuery("status") Status status,
            @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(deliveries.log(endpointId, status, page), uri);
    }

    @POST
    @Path("/{endpointId}/deliveries/{messageId}/redeliver")
    @AcceptsPartnerKey(scopes = PartnerScopes.WEBHOOKS_MANAGE)
    @SecurityRequirement(name = "partnerKey")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "redeliverWebhookMessage", summary = "Send a message again", description = """
            Queues the message again, due at once, with the same `webhook-id` (so a receiver that already processed \
            it can skip it) and a fresh 24-hour retry window — whether it was delivered, dead or still pending.""")
    @APIResponse(responseCode = "202", description = "Queued; follow it in the delivery log")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = Responses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such endpoint of yours, or no such message to it")
    public RestResponse<Void> redeliver(@RestPath("endpointId") UUID endpointId,
            @RestPath("messageId") UUID messageId) {
        deliveries.redeliver(endpointId, messageId);
        return RestResponse.accepted();
    }

    /** For the OpenAPI document: a page of endpoints. */
    @Schema(name = "WebhookEndpointPage")
    public record WebhookEndpointPage(
            @Schema(required = true, maxItems = 100) java.util.List<WebhookEndpointResponse> items,
            @Schema(nullable = true, description = "Cursor of the next page; null on the last page", maxLength = 1024) String nextCursor,
            @Schema(nullable = true, description = Page.PREV_CURSOR, maxLength = 1024) String prevCursor) {
    }

    /** For the OpenAPI document: a page of deliveries. */
    @Schema(name = "WebhookDeliveryPage")
    public record WebhookDeliveryPage(
            @Schema(required = true, maxItems = 100) java.util.List<WebhookDeliveryResponse> items,
            @Schema(nullable = true, description = "Cursor of the next page; null on the last page", maxLength = 1024) String nextCursor,
            @Schema(nullable = true, description = Page.PREV_CURSOR, maxLength = 1024) String prevCursor) {
    }
}
