package org.kindred.posts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;
import org.kindred.posts.api.AuthorReadResponse;

import io.quarkus.security.Authenticated;

/** The owners' view of who was shown the authors of the group's anonymous posts (I1). */
@Path("/api/v1/groups/{groupId}/moderation/author-reads")
@Tag(name = "Moderation")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AuthorReadsResource {

    private final AnonymousAuthorReads reads;

    public AuthorReadsResource(AnonymousAuthorReads reads) {
        this.reads = reads;
    }

    @GET
    @Operation(operationId = "listAnonymousAuthorReads", summary = "Who was shown the authors of anonymous posts", description = "The group's owners and platform admins. "
            + "Moderators, owners and admins see who wrote an anonymous post or reply (accountability); every time an answer "
            + "shows them an author that is not their own — the feed, a post, a thread, replies, the home timeline, search, "
            + "the moderation queue, pin and lock — the read is recorded, once per reader, post and UTC day (the first time). "
            + "Newest first. An entry names the reader and the post, never the author; the post itself answers who wrote it "
            + "to those allowed to see that. Entries stay when the reader later erases their account (shown with the "
            + "tombstone handle and \"Deleted member\"): they are the group's record of who looked. Members who are not "
            + "owners get 403; a group you may not know exists answers 404.")
    @APIResponse(responseCode = "200", description = "One page of author reads", headers = @Header(name = "Link", description = "`<...>; rel=\"next\"` when there is a next page, `<...>; rel=\"prev\"` when there is a previous one (one header, comma-separated)", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Bad limit or cursor")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "`not-an-owner`: you can see the group but do not own it (moderators included)")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such group, or one you may not know exists")
    public RestResponse<Page<AuthorReadResponse>> list(
            @Parameter(description = "The group's UUID or its slug") @RestPath @Size(max = 80) String groupId,
            @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(reads.page(groupId, page), uri);
    }
}
