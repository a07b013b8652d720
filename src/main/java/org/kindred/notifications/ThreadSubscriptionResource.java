package org.kindred.notifications;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.kindred.notifications.api.ThreadSubscriptionRequest;
import org.kindred.notifications.api.ThreadSubscriptionResponse;
import org.kindred.platform.openapi.Responses;

import io.quarkus.security.Authenticated;

@Path("/api/v1/posts/{postId}/subscription")
@Tag(name = "Notifications")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ThreadSubscriptionResource {

    private final ThreadSubscriptions subscriptions;

    public ThreadSubscriptionResource(ThreadSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GET
    @Operation(operationId = "getThreadSubscription", summary = "Whether you follow a thread", description = "Without a choice of your own you follow threads you started or replied to.")
    @APIResponse(responseCode = "200", description = "Your subscription")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "The id names a reply, not a thread")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "Banned from the group")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public ThreadSubscriptionResponse get(@RestPath("postId") UUID postId) {
        return subscriptions.get(postId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setThreadSubscription", summary = "Follow or mute a thread", description = "`MUTE` silences replies even in your own thread; nobody else can tell. "
            + "Takes no `If-Match`: the body is the whole of your one-field choice for this thread, only you change it, "
            + "and setting it twice is idempotent, so there is no concurrent edit to lose.")
    @APIResponse(responseCode = "200", description = "Your subscription now")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Unknown mode, or the id names a reply")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "Banned from the group")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public ThreadSubscriptionResponse set(@RestPath("postId") UUID postId,
            @Valid @NotNull ThreadSubscriptionRequest request) {
        return subscriptions.set(postId, request.mode());
    }

    @DELETE
    @Operation(operationId = "resetThreadSubscription", summary = "Back to the default for a thread", description = "Forgets your choice: you follow the thread again if you started it or replied in it.")
    @APIResponse(responseCode = "200", description = "Your subscription now")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "The id names a reply")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "Banned from the group")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public ThreadSubscriptionResponse reset(@RestPath("postId") UUID postId) {
        return subscriptions.reset(postId);
    }
}
