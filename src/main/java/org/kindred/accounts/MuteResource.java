package org.kindred.accounts;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.accounts.api.MuteResponse;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;

import io.quarkus.security.Authenticated;

@Path("/api/v1/me/mutes")
@Tag(name = "Me")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MuteResource {

    private final MuteService mutes;

    public MuteResource(MuteService mutes) {
        this.mutes = mutes;
    }

    @GET
    @Operation(operationId = "listMutes", summary = "People you muted", description = "Newest first. Only you see this list.")
    @APIResponse(responseCode = "200", description = "One page of mutes", headers = @Header(name = "Link", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    public RestResponse<Page<MuteResponse>> list(@Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(mutes.mine(page), uri);
    }

    @PUT
    @Path("/{accountId}")
    @Operation(operationId = "muteAccount", summary = "Mute someone", description = "Their named posts and replies disappear from your group feeds, threads, "
            + "home timeline and search. Unlike a block, nothing changes for them: they still see your posts and may reply and react, "
            + "so they cannot tell. Anonymous posts are never affected (hiding one would tell you who wrote it). Opening a post by link "
            + "still shows it. Muting twice is harmless. Takes no `If-Match`: it only adds the member to your set of mutes, "
            + "an idempotent change with no representation to version, so there is no concurrent edit to lose.")
    @APIResponse(responseCode = "204", description = "Muted")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Not a UUID, or yourself")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such account")
    public void mute(@RestPath("accountId") UUID accountId) {
        mutes.mute(accountId);
    }

    @DELETE
    @Path("/{accountId}")
    @Operation(operationId = "unmuteAccount", summary = "Unmute someone", description = "Unmuting someone you had not muted is harmless.")
    @APIResponse(responseCode = "204", description = "Unmuted")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Not a UUID")
    public void unmute(@RestPath("accountId") UUID accountId) {
        mutes.unmute(accountId);
    }
}
