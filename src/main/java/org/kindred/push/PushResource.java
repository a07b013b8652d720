package org.kindred.push;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.platform.openapi.Responses;
import org.kindred.push.api.PushSubscriptionList;
import org.kindred.push.api.PushSubscriptionRequest;
import org.kindred.push.api.PushSubscriptionResponse;

import io.quarkus.security.Authenticated;

/** Web Push: a member's devices (the service's public key is in {@link VapidKeyResource}). */
@Path("/api/v1/me/push-subscriptions")
@Authenticated
@SecurityRequirement(name = "bearer")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
public class PushResource {

    private final PushSubscriptions subscriptions;

    public PushResource(PushSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMyPushSubscription", summary = "Wake this device when a notification arrives", description = """
            Send what `PushSubscription.toJSON()` returned. From then on, when a notification arrives that is not \
            silent (quiet hours), the push service wakes the device with an encrypted, content-free message: \
            `{"type": "notifications", "unread": <count>, "newest": {"id": "<notification id>", "kind": "REPLY"}}` — \
            never text, names or who did anything; the app fetches the inbox. Several notifications in a short time \
            are one push. The endpoint must be https on a known push service (`KINDRED_PUSH_ALLOWED_HOSTS`) and \
            resolve to public addresses (422 `unsafe-push-endpoint` with the reason otherwise). Subscribing the \
            same endpoint again updates it (200); an endpoint last subscribed by another account moves to you, so a \
            shared browser wakes only for whoever subscribed it last. At most \
            `KINDRED_PUSH_MAX_SUBSCRIPTIONS_PER_ACCOUNT` (10) devices: 409 `limit-reached` with `limit`.""")
    @APIResponse(responseCode = "201", description = "Subscribed", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = PushSubscriptionResponse.class)))
    @APIResponse(responseCode = "200", description = "Already subscribed: keys and label updated", content = @Content(schema = @Schema(implementation = PushSubscriptionResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Malformed JSON, a missing or too long field, keys that are not base64url, a `p256dh` that is not a P-256 point or an `auth` that is not 16 bytes")
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "`limit-reached` (with `limit`), or `push-not-configured`")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = Responses.UNPROCESSABLE, description = "`unsafe-push-endpoint`: not https, not on the allow-list, or resolving to a private, loopback or reserved address (`reason` says which)")
    public RestResponse<PushSubscriptionResponse> subscribe(@Valid @NotNull PushSubscriptionRequest request) {
        PushSubscriptions.Subscribed done = subscriptions.subscribe(request);
        if (!done.created()) {
            return RestResponse.ok(done.body());
        }
        return RestResponse.ResponseBuilder
                .<PushSubscriptionResponse>created(URI.create("/api/v1/me/push-subscriptions/" + done.body().id()))
                .entity(done.body()).build();
    }

    @GET
    @Operation(operationId = "listMyPushSubscriptions", summary = "Your devices woken by Web Push", description = "Newest first; at most 10, so not paginated.")
    @APIResponse(responseCode = "200", description = "Your devices", content = @Content(schema = @Schema(implementation = PushSubscriptionList.class)))
    public PushSubscriptionList list() {
        return subscriptions.list();
    }

    @GET
    @Path("/{subscriptionId}")
    @Operation(operationId = "getMyPushSubscription", summary = "One of your push devices", description = "Its push service (origin only), label, "
            + "when a push last reached the push service, and failed sends in a row.")
    @APIResponse(responseCode = "200", description = "The device", content = @Content(schema = @Schema(implementation = PushSubscriptionResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such device of yours")
    public PushSubscriptionResponse get(@RestPath("subscriptionId") UUID subscriptionId) {
        return subscriptions.get(subscriptionId);
    }

    @DELETE
    @Path("/{subscriptionId}")
    @Operation(operationId = "deleteMyPushSubscription", summary = "Stop waking a device", description = "Call it when the member signs out on the device, or `pushManager` unsubscribed.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such device of yours")
    public void delete(@RestPath("subscriptionId") UUID subscriptionId) {
        subscriptions.delete(subscriptionId);
    }
}
