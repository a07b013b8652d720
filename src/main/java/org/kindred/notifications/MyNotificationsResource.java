package org.kindred.notifications;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.notifications.api.NotificationResponse;
import org.kindred.notifications.api.UnreadCountResponse;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;

import io.quarkus.security.Authenticated;

@Path("/api/v1/me/notifications")
@Tag(name = "Notifications")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyNotificationsResource {

    /** On every answer of this resource: how many notifications are unread, for a badge. */
    public static final String UNREAD_HEADER = "Kindred-Unread-Notifications";

    private final NotificationInbox inbox;

    public MyNotificationsResource(NotificationInbox inbox) {
        this.inbox = inbox;
    }

    @GET
    @Operation(operationId = "listMyNotifications", summary = "Your notifications", description = """
            Newest first (a notification that merged a new reaction or report moves to the top). Content-free: kinds, \
            ids, counts and times; fetch what they point at through the normal endpoints. Notifications about posts or \
            groups you may no longer see are left out (and deleted), so a page may hold fewer than `limit` items: \
            follow `nextCursor` until it is null. Filter by `kind` (repeatable) and `unread=true`.""")
    @APIResponse(responseCode = "200", description = "One page of notifications", headers = {
            @Header(name = "Link", description = "`<...>; rel=\"next\"` when there is a next page, `<...>; rel=\"prev\"` when there is a previous one (one header, comma-separated)", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = UNREAD_HEADER, description = "Unread notifications", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = "9223372036854775807"))})
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Unknown kind, bad limit or cursor (a cursor from other filters is refused)")
    public RestResponse<Page<NotificationResponse>> list(
            @Parameter(description = "Only these kinds (repeat the parameter for several)") @RestQuery("kind") @Size(max = 13) List<NotificationKind> kinds,
            @Parameter(description = "Only unread notifications") @RestQuery("unread") Boolean unread,
            @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        Page<NotificationResponse> shown = inbox.page(kinds == null ? List.of() : kinds, Boolean.TRUE.equals(unread),
                page);
        return withUnread(PageResponses.ok(shown, uri));
    }

    @GET
    @Path("/unread-count")
    @Operation(operationId = "countMyUnreadNotifications", summary = "How many notifications are unread", description = "Cheap enough to poll for a badge; a live client uses GET /api/v1/me/events instead.")
    @APIResponse(responseCode = "200", description = "The count", headers = @Header(name = UNREAD_HEADER, schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = "9223372036854775807")), content = @Content(schema = @Schema(implementation = UnreadCountResponse.class)))
    public RestResponse<UnreadCountResponse> unreadCount() {
        long unread = inbox.unreadCount();
        return RestResponse.ResponseBuilder.ok(new UnreadCountResponse(unread)).header(UNREAD_HEADER, unread).build();
    }

    @POST
    @Path("/{notificationId}/read")
    @Operation(operationId = "markNotificationRead", summary = "Mark one notification read", description = "Marking it again is harmless.")
    @APIResponse(responseCode = "204", description = "Read", headers = @Header(name = UNREAD_HEADER, schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = "9223372036854775807")))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such notification of yours")
    public RestResponse<Void> markRead(@RestPath("notificationId") UUID notificationId) {
        inbox.markRead(notificationId);
        return withUnread(RestResponse.noContent());
    }

    @POST
    @Path("/read")
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all your notifications read", description = "Everything in your inbox now counts as read; the unread count becomes 0.")
    @APIResponse(responseCode = "204", description = "All read", headers = @Header(name = UNREAD_HEADER, schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = "9223372036854775807")))
    public RestResponse<Void> markAllRead() {
        inbox.markAllRead();
        // Everything is read now: no need to count again.
        return RestResponse.ResponseBuilder.<Void>noContent().header(UNREAD_HEADER, 0L).build();
    }

    @DELETE
    @Path("/{notificationId}")
    @Operation(operationId = "deleteNotification", summary = "Delete one notification", description = "Removes it from your inbox for good; what it pointed at is unaffected.")
    @APIResponse(responseCode = "204", description = "Deleted", headers = @Header(name = UNREAD_HEADER, schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = "9223372036854775807")))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such notification of yours")
    public RestResponse<Void> delete(@RestPath("notificationId") UUID notificationId) {
        inbox.delete(notificationId);
        return withUnread(RestResponse.noContent());
    }

    private <T> RestResponse<T> withUnread(RestResponse<T> response) {
        return RestResponse.ResponseBuilder.fromResponse(response).header(UNREAD_HEADER, inbox.unreadCount()).build();
    }
}
