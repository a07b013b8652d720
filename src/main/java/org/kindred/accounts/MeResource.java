package org.kindred.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.accounts.api.ChangePasswordRequest;
import org.kindred.accounts.api.MeResponse;
import org.kindred.accounts.api.UpdateMeRequest;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.ratelimit.ActionClass;
import org.kindred.platform.ratelimit.RateLimited;
import org.kindred.platform.security.CurrentUser;
import org.kindred.platform.web.Versioned;

import io.quarkus.security.Authenticated;

@Path("/api/v1/me")
@Tag(name = "Me")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final MyAccount myAccount;
    private final CurrentUser currentUser;

    public MeResource(MyAccount myAccount, CurrentUser currentUser) {
        this.myAccount = myAccount;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(operationId = "getMe", summary = "Your account", description = "Your profile and preferences, including your e-mail. Sent with `Cache-Control: no-store`.")
    @APIResponse(responseCode = "200", description = "Your account", headers = @Header(name = "ETag", description = "Send as If-Match with PATCH", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)), content = @Content(schema = @Schema(implementation = MeResponse.class)))
    public RestResponse<MeResponse> me() {
        return withETag(myAccount.me(currentUser.requireAccountId()));
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(operationId = "updateMe", summary = "Change your profile and preferences", description = "JSON Merge Patch (RFC 7396): absent fields stay, `null` clears `displayName`, `country` or `birthYear`. "
            + "`hiddenContentWarnings` leaves posts with those warnings out of your feeds. Changing `email` needs `currentPassword`, and that check counts against the password rate limit (429 once it is used up, as with a password change). "
            + "Any other field (handle, roles, status, ...) is refused with 400. Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The updated account", headers = @Header(name = "ETag", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)), content = @Content(schema = @Schema(implementation = MeResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "`currentPassword` is wrong")
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "The new e-mail is already in use")
    @APIResponse(responseCode = "412", ref = Responses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<MeResponse> update(@Valid @NotNull UpdateMeRequest request,
            @Parameter(description = "ETag from GET /api/v1/me; the change is refused with 412 if the account changed since") @RestHeader("If-Match") String ifMatch) {
        return withETag(myAccount.updateMe(currentUser.requireAccountId(), request, ifMatch));
    }

    @PUT
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(ActionClass.PASSWORD)
    @Operation(operationId = "changePassword", summary = "Change your password", description = "Needs the current password. Signs out every other session at once; this session stays signed in.")
    @APIResponse(responseCode = "204", description = "Password changed")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "`currentPassword` is wrong")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    public void changePassword(@Valid @NotNull ChangePasswordRequest request) {
        myAccount.changePassword(currentUser.requireAccountId(), currentUser.sessionId(), request);
    }

    private static RestResponse<MeResponse> withETag(Versioned<MeResponse> versioned) {
        return RestResponse.ResponseBuilder.ok(versioned.body()).header("ETag", versioned.etag()).build();
    }
}
