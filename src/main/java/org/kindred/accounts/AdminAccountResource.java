package org.kindred.accounts;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.accounts.api.AdminAccountResponse;
import org.kindred.accounts.api.AdminUpdateAccountRequest;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.security.CurrentUser;

@Path("/api/v1/admin/accounts")
@Tag(name = "Admin")
@RolesAllowed(CurrentUser.ADMIN)
// OpenAPI 3.1 lets non-OAuth requirements name the roles they need: here the token's `admin` group.
@SecurityRequirement(name = "bearer", scopes = CurrentUser.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminAccountResource {

    private final AccountAdministration administration;

    public AdminAccountResource(AccountAdministration administration) {
        this.administration = administration;
    }

    @PATCH
    @Path("/{accountId}")
    @Consumes({MediaType.APPLICATION_JSON, MeResource.MERGE_PATCH})
    @Operation(operationId = "adminUpdateAccount", summary = "Grant roles to or suspend an account", description = "Platform admins only. `roles` replaces the account's roles besides `member` (e.g. mark a verified professional). "
            + "`status: SUSPENDED` signs the account out everywhere at once and blocks sign-in; `ACTIVE` lifts it. "
            + "Honours If-Match with the ETag of an earlier change (412 if the account changed since).")
    @APIResponse(responseCode = "200", description = "The account after the change", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = AdminAccountResponse.class)))
    @APIResponse(responseCode = "412", ref = Responses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<AdminAccountResponse> update(@RestPath UUID accountId,
            @Valid @NotNull AdminUpdateAccountRequest request,
            @Parameter(description = "An ETag this object was sent with; the change is refused with 412 if it changed since") @RestHeader("If-Match") String ifMatch) {
        return administration.adminUpdate(accountId, request, ifMatch).ok();
    }
}
