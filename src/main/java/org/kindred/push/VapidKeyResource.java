package org.kindred.push;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.platform.error.NotFoundException;
import org.kindred.platform.openapi.Responses;
import org.kindred.push.api.VapidKeyResponse;

/** The service's VAPID public key, which a browser needs to subscribe to Web Push. Public. */
@Path("/api/v1/push")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
public class VapidKeyResource {

    private final VapidKey vapid;

    public VapidKeyResource(VapidKey vapid) {
        this.vapid = vapid;
    }

    @GET
    @Path("/vapid-public-key")
    @SecurityRequirements
    @Operation(operationId = "getVapidPublicKey", summary = "The key to subscribe to Web Push with", description = "Pass it as "
            + "`applicationServerKey` to `pushManager.subscribe({userVisibleOnly: true, applicationServerKey})`, then send "
            + "the subscription to POST /api/v1/me/push-subscriptions. Public; cacheable for an hour. 404 "
            + "`push-not-configured` when the server has no VAPID key.")
    @APIResponse(responseCode = "200", description = "The key", headers = @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = VapidKeyResponse.class)))
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "Web Push is not configured on this server")
    public RestResponse<VapidKeyResponse> vapidPublicKey() {
        String key = vapid.applicationServerKey().orElseThrow(() -> new NotFoundException(
                "Web Push is not configured on this server; use GET /api/v1/me/events or poll the inbox"));
        return RestResponse.ResponseBuilder.ok(new VapidKeyResponse(key))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600").build();
    }
}
