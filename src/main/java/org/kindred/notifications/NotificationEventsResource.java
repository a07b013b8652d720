package org.kindred.notifications;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.security.CurrentUser;

import io.quarkus.security.Authenticated;

@Path("/api/v1/me/events")
@Tag(name = "Notifications")
@Authenticated
@SecurityRequirement(name = "bearer")
public class NotificationEventsResource {

    private static final String STREAM_DOC = """
            A Server-Sent Events stream (`text/event-stream`). Events:

            - `ready` once, when the stream opens: `{"unread": 3}`; its `id` is your inbox position.
            - `notification` for each new or updated notification: `{"id": "<notification id>", "kind": "REPLY", \
            "unread": 4}`; its `id` is the notification's inbox position. Fetch GET /api/v1/me/notifications to show it.
            - `end` when your access token expires: `{"reason": "token-expired"}`; the server closes the stream. \
            Reconnect with a fresh token and `Last-Event-ID`.
            - a comment line (`: heartbeat`) every 15 s (KINDRED_NOTIFICATIONS_STREAM_HEARTBEAT) keeps proxies from \
            closing an idle stream.""";

    private final NotificationStreams streams;
    private final CurrentUser currentUser;
    private final JsonWebToken token;

    public NotificationEventsResource(NotificationStreams streams, CurrentUser currentUser, JsonWebToken token) {
        this.streams = streams;
        this.currentUser = currentUser;
        this.token = token;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamMyEvents", summary = "Live notifications (Server-Sent Events)", description = """
            Tells a running client the moment a notification reaches your inbox, on whichever replica it happened. \
            Send `Last-Event-ID` (browsers do so when they reconnect) to receive what arrived since that event; an \
            id that is not a position in your inbox is ignored. At most 5 streams per account \
            (KINDRED_NOTIFICATIONS_STREAM_MAX_PER_ACCOUNT). Events carry no content, like notifications.""")
    @APIResponse(responseCode = "200", description = STREAM_DOC, content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 1000000, example = "event: notification\nid: 1042\ndata: {\"id\":\"0b6c9a52-8d1e-4f4e-9a43-2f0c1d7e5a10\",\"kind\":\"REPLY\",\"unread\":4}\n\n")))
    @APIResponse(responseCode = "429", ref = Responses.TOO_MANY_REQUESTS, description = "Too many open streams for your account")
    public void stream(@Context SseEventSink sink, @Context Sse sse,
            @Parameter(description = "The id of the last event you received, to resume", schema = @Schema(maxLength = 19, pattern = "^[0-9]{1,19}$")) @RestHeader("Last-Event-ID") String lastEventId) {
        Instant expiresAt = Instant.ofEpochSecond(token.getExpirationTime());
        streams.open(currentUser.requireAccountId(), sink, sse, expiresAt, lastEventId);
    }
}
