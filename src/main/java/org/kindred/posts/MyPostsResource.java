package org.kindred.posts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
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
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;
import org.kindred.posts.api.PostResponse;

import io.quarkus.security.Authenticated;

/** The signed-in member's ways around: the home timeline, and their own threads and replies. */
@Path("/api/v1/me")
@Tag(name = "Posts")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyPostsResource {

    private final PostNavigation navigation;

    public MyPostsResource(PostNavigation navigation) {
        this.navigation = navigation;
    }

    @GET
    @Path("/timeline")
    @Operation(operationId = "homeTimeline", summary = "Your home timeline", description = "Threads from every group you are an active member of "
            + "(up to your 500 most recently joined), newest first (`sort=new`) or most recently active first (`sort=active`). "
            + "No pinning across groups. Every rule of a group's feed applies: named posts by people you blocked or who blocked you "
            + "and posts with content warnings you hide are left out (anonymous posts are never affected by blocks); posts held "
            + "for care or waiting for approval show up only for their author; removed threads stay only as placeholders when "
            + "they have replies. Groups you were banned from, left, or only asked to join are not on it.\n\n"
            + PostSearchDocs.SEARCH_DOC + " Across groups, words are stemmed in each of your groups' languages.")
    @APIResponse(responseCode = "200", description = "One page of threads", headers = @Header(name = "Link", description = "`<...>; rel=\"next\"` when there is a next page, `<...>; rel=\"prev\"` when there is a previous one (one header, comma-separated)", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Bad sort, limit, cursor (a cursor from another sort or search is refused) or `q` (blank, or longer than 200 characters)")
    public RestResponse<Page<PostResponse>> timeline(
            @Parameter(description = "`new` (by creation) or `active` (by latest reply)", schema = @Schema(enumeration = {
                    "new",
                    "active"}, defaultValue = "new")) @RestQuery("sort") @DefaultValue("new") @Pattern(regexp = "new|active", message = "must be new or active") String sort,
            @Parameter(description = PostSearchDocs.Q_DOC, example = "landlord deposit") @RestQuery("q") @Size(max = PostNavigation.MAX_QUERY_LENGTH, message = "must be at most 200 characters") @Pattern(regexp = PostSearchDocs.NOT_BLANK, message = "must not be blank") String q,
            @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(navigation.timeline(PostSearchDocs.sort(sort), q, page), uri);
    }

    @GET
    @Path("/posts")
    @Operation(operationId = "listMyPosts", summary = "Your threads", description = "The threads you started, newest first, in every group and "
            + "whatever their status: your anonymous ones too (`anonymous: true`, `author: null`, `mine: true` — nobody else sees this list), "
            + "those waiting for approval or held for care, and removed ones (text withheld). Threads in groups you left stay listed; "
            + "`canReply` is false there.")
    @APIResponse(responseCode = "200", description = "One page of your threads", headers = @Header(name = "Link", description = "`<...>; rel=\"next\"` when there is a next page, `<...>; rel=\"prev\"` when there is a previous one (one header, comma-separated)", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Bad limit or cursor")
    public RestResponse<Page<PostResponse>> myPosts(@Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(navigation.mine(false, page), uri);
    }

    @GET
    @Path("/replies")
    @Operation(operationId = "listMyReplies", summary = "Your replies", description = "The replies you wrote, newest first, in every group and "
            + "whatever their status, anonymous ones included (only you see this list). `parentId` names the thread; `canReply` tells "
            + "whether you may still reply in it.")
    @APIResponse(responseCode = "200", description = "One page of your replies", headers = @Header(name = "Link", description = "`<...>; rel=\"next\"` when there is a next page, `<...>; rel=\"prev\"` when there is a previous one (one header, comma-separated)", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Bad limit or cursor")
    public RestResponse<Page<PostResponse>> myReplies(@Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(navigation.mine(true, page), uri);
    }
}
