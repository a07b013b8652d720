package org.kindred.notifications;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.notifications.api.NotificationSettingsRequest;
import org.kindred.notifications.api.NotificationSettingsResponse;
import org.kindred.platform.openapi.Responses;

import io.quarkus.security.Authenticated;

@Path("/api/v1/me/notification-settings")
@Tag(name = "Notifications")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationSettingsResource {

    private final NotificationSettings settings;

    public NotificationSettingsResource(NotificationSettings settings) {
        this.settings = settings;
    }

    @GET
    @Operation(operationId = "getMyNotificationSettings", summary = "Your notification settings", description = "Defaults: every kind on, no quiet hours, UTC.")
    @APIResponse(responseCode = "200", description = "The settings", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = NotificationSettingsResponse.class)))
    public RestResponse<NotificationSettingsResponse> get() {
        return settings.mine().ok();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceMyNotificationSettings", summary = "Change your notification settings", description = """
            Replaces the settings as a whole. Kinds you turn off are not delivered at all (not even to the inbox); \
            notifications arriving in your quiet hours are delivered with `silent: true`. Honours If-Match.""")
    @APIResponse(responseCode = "200", description = "The settings now", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = NotificationSettingsResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Unknown kind, time zone or time format; quiet hours that start and end at the same minute")
    @APIResponse(responseCode = "412", ref = Responses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<NotificationSettingsResponse> replace(@Valid @NotNull NotificationSettingsRequest request,
            @Parameter(description = "ETag from GET; refused with 412 if the settings changed since") @RestHeader("If-Match") String ifMatch) {
        return settings.replace(request, ifMatch).ok();
    }
}
