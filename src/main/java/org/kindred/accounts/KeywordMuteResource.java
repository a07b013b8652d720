package org.kindred.accounts;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.accounts.api.KeywordMuteRequest;
import org.kindred.accounts.api.KeywordMuteResponse;
import org.kindred.accounts.api.KeywordMuteUpdate;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;
import org.kindred.platform.web.Versioned;

import io.quarkus.security.Authenticated;

@Path("/api/v1/me/keyword-mutes")
@Tag(name = "Me")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class KeywordMuteResource {

    private static final String HOW = " Posts and replies whose title or body contain an active muted phrase are left out of your group feeds, "
            + "replies, home timeline and search, whoever wrote them (anonymous posts too: the rule reads the text, never the author), "
            + "except your own. Opening a post by its id still shows it. Nobody else's lists change, and nobody can tell.";

    private final KeywordMutes mutes;

    public KeywordMuteResource(KeywordMutes mutes) {
        this.mutes = mutes;
    }

    @GET
    @Operation(operationId = "listKeywordMutes", summary = "Words you muted", description = "Newest first, expired ones included (`active: false`) until you delete or extend them. Only you see this list.")
    @APIResponse(responseCode = "200", description = "One page of keyword mutes", headers = @Header(name = "Link", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    public RestResponse<Page<KeywordMuteResponse>> list(@Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(mutes.mine(page), uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createKeywordMute", summary = "Mute a word or phrase", description = "Matching ignores case; with `wholeWord` the phrase must stand as whole words. "
            + "`expiresIn` (P1D, P7D or P30D from now) or `expiresAt` ends the mute; neither: until you delete it. "
            + "A mute stops applying the moment it expires." + HOW
            + " Muting a phrase you muted already (after normalisation) is 409 `already-muted` with its `existingId`: change it with PATCH. "
            + "At most 100 keyword mutes, expired ones included (409 `limit-reached`, with `limit`).")
    @APIResponse(responseCode = "201", description = "Muted", headers = {
            @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", description = "Send as If-Match with PATCH", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = KeywordMuteResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Invalid request: a blank or longer than 100 characters phrase, an unknown `expiresIn`, an `expiresAt` in the past, both ends")
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "`already-muted` (with `existingId`) or `limit-reached` (with `limit`)")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<KeywordMuteResponse> create(@Valid @NotNull KeywordMuteRequest request) {
        Versioned<KeywordMuteResponse> created = mutes.create(request);
        return RestResponse.ResponseBuilder
                .<KeywordMuteResponse>created(URI.create("/api/v1/me/keyword-mutes/" + created.body().id()))
                .entity(created.body()).header("ETag", created.etag()).build();
    }

    @GET
    @Path("/{keywordMuteId}")
    @Operation(operationId = "getKeywordMute", summary = "One of your keyword mutes", description = "With its ETag, for If-Match on PATCH. Another member's mute is 404.")
    @APIResponse(responseCode = "200", description = "The keyword mute", headers = @Header(name = "ETag", description = "Send as If-Match with PATCH", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = KeywordMuteResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Not a UUID")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such keyword mute of yours")
    public RestResponse<KeywordMuteResponse> get(@RestPath("keywordMuteId") UUID keywordMuteId) {
        return mutes.get(keywordMuteId).ok();
    }

    @PATCH
    @Path("/{keywordMuteId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateKeywordMute", summary = "Change when a keyword mute ends", description = "JSON Merge Patch: `expiresIn` or `expiresAt` sets a new end (null for until you delete it); "
            + "an expired mute applies again once its end is in the future. `wholeWord` changes how it matches. The phrase cannot change. "
            + "Honours If-Match with the ETag of GET, POST or an earlier PATCH (412 if the mute changed since).")
    @APIResponse(responseCode = "200", description = "The changed keyword mute", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = KeywordMuteResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Invalid request: an unknown `expiresIn`, an `expiresAt` in the past, both ends, another field")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such keyword mute of yours")
    @APIResponse(responseCode = "412", ref = Responses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<KeywordMuteResponse> update(@RestPath("keywordMuteId") UUID keywordMuteId,
            @Valid @NotNull KeywordMuteUpdate request,
            @Parameter(description = "An ETag this mute was sent with; the change is refused with 412 if it changed since") @RestHeader("If-Match") String ifMatch) {
        return mutes.update(keywordMuteId, request, ifMatch).ok();
    }

    @DELETE
    @Path("/{keywordMuteId}")
    @Operation(operationId = "deleteKeywordMute", summary = "Unmute a word or phrase", description = "Posts with it come back to your lists at once. Another member's mute, or one already deleted, is 404.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Not a UUID")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such keyword mute of yours")
    public void delete(@RestPath("keywordMuteId") UUID keywordMuteId) {
        mutes.delete(keywordMuteId);
    }
}
