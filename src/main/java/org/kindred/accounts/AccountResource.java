package org.kindred.accounts;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.kindred.accounts.api.PublicProfileResponse;
import org.kindred.platform.openapi.Responses;

import io.quarkus.security.Authenticated;

@Path("/api/v1/accounts")
@Tag(name = "Accounts")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final AccountDirectory directory;

    public AccountResource(AccountDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Path("/{handle}")
    @Operation(operationId = "getPublicProfile", summary = "A member's public profile", description = "Handle, display name, professional badge and join date. Nothing else about a member is ever shown to others. "
            + "A block hides each person from the other: the profile of someone you blocked, or who blocked you, is 404 exactly like an "
            + "unknown handle (platform admins see every profile).")
    @APIResponse(responseCode = "200", description = "The profile", content = @Content(schema = @Schema(implementation = PublicProfileResponse.class)))
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No active member with this handle, or a block between you")
    public PublicProfileResponse profile(
            @Parameter(description = "The member's handle", example = "amara_k") @RestPath @Size(max = 30) String handle) {
        return directory.publicProfile(handle);
    }
}
