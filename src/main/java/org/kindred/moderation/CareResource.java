package org.kindred.moderation;

import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kindred.moderation.api.CareResponse;
import org.kindred.platform.openapi.Responses;

import io.quarkus.security.Authenticated;

@Path("/api/v1/me/care")
@Tag(name = "Me")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CareResource {

    private final CareService care;

    public CareResource(CareService care) {
        this.care = care;
    }

    @GET
    @Operation(operationId = "getMyCare", summary = "Care notes and crisis lines for you", description = "When a member reports a "
            + "post of yours or your account as a wellbeing concern, you receive a private care note here (at most one a "
            + "day) with the crisis lines of your profile's country. Nobody else sees it; it never says who was worried "
            + "or about what, and the concern never hides your posts or counts against you. The crisis lines are always "
            + "included, notes or not.")
    @APIResponse(responseCode = "200", description = "Your care notes and crisis lines")
    public CareResponse mine() {
        return care.mine();
    }

    @DELETE
    @Path("/notes/{noteId}")
    @Operation(operationId = "dismissCareNote", summary = "Dismiss a care note", description = "Deletes one of your care notes.")
    @APIResponse(responseCode = "204", description = "Dismissed")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "`noteId` is not a UUID")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such note of yours")
    public void dismiss(@PathParam("noteId") UUID noteId) {
        care.dismiss(noteId);
    }
}
