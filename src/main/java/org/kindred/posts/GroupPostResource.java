package org.kindred.posts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.kindred.platform.idempotency.Idempotent;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;
import org.kindred.posts.api.CreatePostRequest;
import org.kindred.posts.api.PostResponse;

import io.quarkus.security.Authenticated;

@Path("/api/v1/groups/{groupId}/posts")
@Tag(name = "Posts")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class GroupPostResource {

    private static final String GROUP_ID_DOC = "The group's UUID or its slug";

    private final PostService posts;

    public GroupPostResource(PostService posts) {
        this.posts = posts;
    }

    @GET
    @Operation(operationId = "listGroupPosts", summary = "A group's feed", description = "Threads, pinned first, then newest first (`sort=new`) or most recently active first (`sort=active`). "
            + "Any signed-in member may read a PUBLIC group; PRIVATE and HIDDEN groups are for their members (404 otherwise). "
            + "Named posts by people you blocked or who blocked you, and posts with content warnings you hide (PATCH /api/v1/me), are left out; "
            + "anonymous posts are never affected by blocks (or a block would tell who wrote them). "
            + "Your own posts that wait for approval or were held show up for you; nobody else learns they exist. Removed threads stay "
            + "when they have replies and members saw them before.\n\n" + PostSearchDocs.SEARCH_DOC)
    @APIResponse(responseCode = "200", description = "One page of threads", headers = @Header(name = "Link", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Bad sort, limit, cursor (a cursor from another group, sort or search is refused) or `q` (blank, or longer than 200 characters)")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "Banned from the group")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public RestResponse<Page<PostResponse>> feed(
            @Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId,
            @Parameter(description = "`new` (by creation) or `active` (by latest reply)", schema = @Schema(enumeration = {
                    "new",
                    "active"}, defaultValue = "new")) @RestQuery("sort") @DefaultValue("new") @Pattern(regexp = "new|active", message = "must be new or active") String sort,
            @Parameter(description = PostSearchDocs.Q_DOC, example = "landlord deposit") @RestQuery("q") @Size(max = PostNavigation.MAX_QUERY_LENGTH, message = "must be at most 200 characters") @Pattern(regexp = PostSearchDocs.NOT_BLANK, message = "must not be blank") String q,
            @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(posts.feed(groupId, PostSearchDocs.sort(sort), q, page), uri);
    }

    @POST
    @Idempotent
    @Parameter(ref = Responses.IDEMPOTENCY_KEY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPost", summary = "Start a thread", description = "Active members who accepted the group's current rules (409 with the rules otherwise). `anonymous` hides your name "
            + "from other members (moderators still see it). Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "Not a member, or banned")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "Rules not accepted, community guidelines changed and not yet accepted again (`guidelines-outdated`), group archived, or a request with the same Idempotency-Key is still being processed after a retry waited for it (`idempotency-key-in-progress`)")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = Responses.UNPROCESSABLE)
    public RestResponse<PostResponse> create(
            @Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId,
            @Valid @NotNull CreatePostRequest request) {
        return PostResource.created(posts.create(groupId, request));
    }

}
