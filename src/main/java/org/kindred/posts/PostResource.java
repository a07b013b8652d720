package org.kindred.posts;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.platform.idempotency.Idempotent;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;
import org.kindred.platform.web.Versioned;
import org.kindred.posts.api.CreateReplyRequest;
import org.kindred.posts.api.PostResponse;
import org.kindred.posts.api.ReactionsResponse;
import org.kindred.posts.api.RevisionResponse;
import org.kindred.posts.api.ThreadResponse;
import org.kindred.posts.api.UpdatePostRequest;

import io.quarkus.security.Authenticated;

@Path("/api/v1/posts")
@Tag(name = "Posts")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {

    private final PostService posts;
    private final PostModeration moderation;
    private final PostReactions reactions;

    public PostResource(PostService posts, PostModeration moderation, PostReactions reactions) {
        this.posts = posts;
        this.moderation = moderation;
        this.reactions = reactions;
    }

    @GET
    @Path("/{postId}")
    @Operation(operationId = "getPost", summary = "A post", description = "Visible to whoever may read its group's posts, except named posts across blocks "
            + "(anonymous posts are never affected by blocks). Waiting, held and hidden posts are visible to their author and the group's "
            + "moderators only; a held post that is removed stays 404 for everyone else, as if it was never written. The author of an "
            + "anonymous post is shown to the group's moderators only.")
    @APIResponse(responseCode = "200", description = "The post", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "Banned from the group")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public RestResponse<PostResponse> get(@RestPath("postId") UUID postId) {
        return ok(posts.get(postId));
    }

    @PATCH
    @Path("/{postId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updatePost", summary = "Edit your post", description = "The author only. The previous text is kept for the group's moderators. Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The post after the edit", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "Not your post")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "Removed, archived group, or rules not accepted")
    @APIResponse(responseCode = "412", ref = Responses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<PostResponse> update(@RestPath("postId") UUID postId, @Valid @NotNull UpdatePostRequest request,
            @Parameter(description = "ETag from GET") @RestHeader("If-Match") String ifMatch) {
        return ok(posts.update(postId, request, ifMatch));
    }

    @DELETE
    @Path("/{postId}")
    @Operation(operationId = "deletePost", summary = "Delete a post", description = "The author deletes; a moderator removes (logged). Soft: status REMOVED, text withheld, "
            + "thread and replies stay. Deleting twice is harmless.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public void delete(@RestPath("postId") UUID postId,
            @Parameter(description = "Why (moderators; kept in the moderation log)") @RestQuery("reason") @Size(max = 500) String reason) {
        posts.delete(postId, reason);
    }

    @GET
    @Path("/{postId}/replies")
    @Operation(operationId = "listReplies", summary = "A thread's replies", description = "Oldest first. Removed replies stay as placeholders (text withheld); blocks and hidden "
            + "content warnings apply as in the feed.")
    @APIResponse(responseCode = "200", description = "One page of replies", headers = @Header(name = "Link", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Not a thread's first post, or bad paging")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public RestResponse<Page<PostResponse>> replies(@RestPath("postId") UUID postId, @Valid @BeanParam PageParams page,
            @Context UriInfo uri) {
        return PageResponses.ok(posts.replies(postId, page), uri);
    }

    @GET
    @Path("/{postId}/thread")
    @Operation(operationId = "getThread", summary = "A thread page in one request", description = "The thread's first post and "
            + "the first page of its replies (oldest first), exactly as `getPost` and `listReplies` would answer them, read in "
            + "one transaction: one request per page view instead of two. `limit` sizes the replies page; `replies.nextCursor` "
            + "(also in the `Link` header, pointing at `listReplies`) continues with `listReplies`, or with this operation "
            + "(which then repeats the first post). Visibility is that of `getPost`; blocks and hidden content warnings apply "
            + "to the replies as in `listReplies`. No `ETag`: the first post's ETag (for `If-Match` on `updatePost`) comes "
            + "from `getPost`.")
    @APIResponse(responseCode = "200", description = "The first post and one page of replies", headers = @Header(name = "Link", description = "`<.../posts/{postId}/replies?cursor=...>; rel=\"next\"` when there are more replies, `rel=\"prev\"` when the replies page has a previous one", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = ThreadResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Not a thread's first post, or bad paging")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "Banned from the group")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public RestResponse<ThreadResponse> thread(@RestPath("postId") UUID postId, @Valid @BeanParam PageParams page,
            @Context UriInfo uri) {
        ThreadResponse thread = posts.thread(postId, page);
        RestResponse.ResponseBuilder<ThreadResponse> response = RestResponse.ResponseBuilder.ok(thread);
        String links = PageResponses.links(thread.replies(),
                cursor -> uri.getBaseUriBuilder().path("api/v1/posts/{postId}/replies").queryParam("limit", page.limit)
                        .queryParam("cursor", cursor).build(postId).toString());
        if (links != null) {
            response.header("Link", links);
        }
        return response.build();
    }

    @POST
    @Path("/{postId}/replies")
    @Idempotent
    @Parameter(ref = Responses.IDEMPOTENCY_KEY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createReply", summary = "Reply to a thread", description = "Threads are one level deep: reply to the thread's first post and point at a reply with `replyTo`. "
            + "The thread's reply policy is enforced (FACILITATORS_ONLY: moderators, verified professionals and the author; "
            + "CLOSED: moderators only); locked threads take no replies; people the author blocked cannot reply. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Bad body, `replyTo` not in this thread, or the post is itself a reply")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "Reply policy, not a member, or banned")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "Thread locked or not open, rules not accepted, community guidelines changed and not yet accepted again (`guidelines-outdated`), group archived, or a request with the same Idempotency-Key is still being processed after a retry waited for it (`idempotency-key-in-progress`)")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = Responses.UNPROCESSABLE)
    public RestResponse<PostResponse> reply(@RestPath("postId") UUID postId,
            @Valid @NotNull CreateReplyRequest request) {
        return created(posts.reply(postId, request));
    }

    @PUT
    @Path("/{postId}/reactions/{kind}")
    @Operation(operationId = "addReaction", summary = "React to a post", description = "Members of the group; idempotent. There are no negative reactions. "
            + "Takes no `If-Match`: it only adds your reaction to the post's set, with no representation of its own to version.")
    @APIResponse(responseCode = "200", description = "The post's reactions now", content = @Content(schema = @Schema(implementation = ReactionsResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Unknown kind")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "Not published, or archived group")
    public ReactionsResponse react(@RestPath("postId") UUID postId, @RestPath("kind") ReactionKind kind) {
        return reactions.react(postId, kind, true);
    }

    @DELETE
    @Path("/{postId}/reactions/{kind}")
    @Operation(operationId = "removeReaction", summary = "Take back a reaction", description = "Idempotent.")
    @APIResponse(responseCode = "200", description = "The post's reactions now", content = @Content(schema = @Schema(implementation = ReactionsResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Unknown kind")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT)
    public ReactionsResponse unreact(@RestPath("postId") UUID postId, @RestPath("kind") ReactionKind kind) {
        return reactions.react(postId, kind, false);
    }

    @POST
    @Path("/{postId}/pin")
    @Operation(operationId = "pinPost", summary = "Pin a thread", description = "Moderators. Pinned threads come first in the feed. Logged.")
    @APIResponse(responseCode = "200", description = "The thread", content = @Content(schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Not a thread's first post")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public PostResponse pin(@RestPath("postId") UUID postId) {
        return moderation.moderateThread(postId, true, true);
    }

    @DELETE
    @Path("/{postId}/pin")
    @Operation(operationId = "unpinPost", summary = "Unpin a thread", description = "Moderators. Logged.")
    @APIResponse(responseCode = "200", description = "The thread", content = @Content(schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public PostResponse unpin(@RestPath("postId") UUID postId) {
        return moderation.moderateThread(postId, true, false);
    }

    @POST
    @Path("/{postId}/lock")
    @Operation(operationId = "lockPost", summary = "Lock a thread", description = "Moderators. A locked thread takes no new replies (except from moderators). Logged.")
    @APIResponse(responseCode = "200", description = "The thread", content = @Content(schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Not a thread's first post")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public PostResponse lock(@RestPath("postId") UUID postId) {
        return moderation.moderateThread(postId, false, true);
    }

    @DELETE
    @Path("/{postId}/lock")
    @Operation(operationId = "unlockPost", summary = "Unlock a thread", description = "Moderators. Logged.")
    @APIResponse(responseCode = "200", description = "The thread", content = @Content(schema = @Schema(implementation = PostResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public PostResponse unlock(@RestPath("postId") UUID postId) {
        return moderation.moderateThread(postId, false, false);
    }

    @GET
    @Path("/{postId}/revisions")
    @Operation(operationId = "listPostRevisions", summary = "A post's edit history", description = "The group's moderators only: the text as it was before each edit, newest first (at most 100).")
    @APIResponse(responseCode = "200", description = "Earlier versions", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RevisionResponse.class, maxItems = 100)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public List<RevisionResponse> revisions(@RestPath("postId") UUID postId) {
        return moderation.revisions(postId);
    }

    static RestResponse<PostResponse> created(Versioned<PostResponse> post) {
        return RestResponse.ResponseBuilder.<PostResponse>created(URI.create("/api/v1/posts/" + post.body().id()))
                .entity(post.body()).header("ETag", post.etag()).build();
    }

    private static RestResponse<PostResponse> ok(Versioned<PostResponse> post) {
        return RestResponse.ResponseBuilder.ok(post.body()).header("ETag", post.etag()).build();
    }
}
