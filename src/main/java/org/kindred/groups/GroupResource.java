package org.kindred.groups;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.groups.api.CreateGroupRequest;
import org.kindred.groups.api.GroupResponse;
import org.kindred.groups.api.GroupSummaryResponse;
import org.kindred.groups.api.UpdateGroupRequest;
import org.kindred.platform.idempotency.Idempotent;
import org.kindred.platform.openapi.ApiTypes;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;
import org.kindred.platform.validation.LanguageTag;
import org.kindred.platform.web.Versioned;

import io.quarkus.security.Authenticated;

@Path("/api/v1/groups")
@Tag(name = "Groups")
@Produces(MediaType.APPLICATION_JSON)
public class GroupResource {

    static final String GROUP_ID_DOC = "The group's UUID or its slug";

    private final GroupService groups;

    public GroupResource(GroupService groups) {
        this.groups = groups;
    }

    @GET
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "listGroups", summary = "The group directory", description = "Live groups, newest first, or most relevant first when `q` is given. Anyone may browse; HIDDEN groups appear only "
            + "to their members, archived groups never. With a token each item carries `myMembership`. Filters combine with AND. "
            + "`q` is full-text search over name and description (stemmed for the group's language and for the `language` "
            + "filter, exact words in any language).")
    @APIResponse(responseCode = "200", description = "One page of groups", headers = @Header(name = "Link", description = "`<...>; rel=\"next\"` when there is a next page, `<...>; rel=\"prev\"` when there is a previous one (one header, comma-separated)", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = Responses.UNAUTHORIZED, description = "A token was sent but is invalid")
    public RestResponse<Page<GroupSummaryResponse>> directory(
            @Parameter(description = "Only groups about this ground of discrimination") @RestQuery("basis") Basis basis,
            @Parameter(description = "Only groups about this topic") @RestQuery("topic") Topic topic,
            @Parameter(description = "Only groups in this language (BCP 47; `pt` also matches `pt-BR`)", example = "en", schema = @Schema(ref = ApiTypes.LANGUAGE_TAG)) @RestQuery("language") @LanguageTag String language,
            @Parameter(description = "Only facilitated (true) or peer-only (false) groups") @RestQuery("facilitated") Boolean facilitated,
            @Parameter(description = "Full-text search (web-search syntax: words, \"phrases\", -exclusions)", example = "nurses racism") @RestQuery("q") @Size(max = 200) String q,
            @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(
                groups.directory(new GroupRepository.DirectoryFilter(basis, topic, language, facilitated, q), page),
                uri);
    }

    @POST
    @Authenticated
    @Idempotent
    @Parameter(ref = Responses.IDEMPOTENCY_KEY)
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "createGroup", summary = "Create a group", description = "You become its OWNER. A PUBLIC or PRIVATE group's slug is derived from the name and made unique among "
            + "listed groups (`-2`, `-3`, ...). A HIDDEN group's slug is the name's with a random suffix (`name-qxvmtrkpwnhz`): "
            + "hidden groups never hold a plain slug, so the slug you get never shows whether a hidden group of that name exists. "
            + "Only verified professionals and admins may create a facilitated group. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = GroupResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "`facilitated` without the professional badge")
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "A request with the same Idempotency-Key is still being processed after a retry waited for it (`idempotency-key-in-progress`)")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = Responses.UNPROCESSABLE)
    public RestResponse<GroupResponse> create(@Valid @NotNull CreateGroupRequest request) {
        Versioned<GroupResponse> created = groups.create(request);
        return RestResponse.ResponseBuilder.<GroupResponse>created(URI.create("/api/v1/groups/" + created.body().id()))
                .entity(created.body()).header("ETag", created.etag()).build();
    }

    @GET
    @Path("/{groupId}")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(operationId = "getGroup", summary = "A group", description = "By UUID or slug. HIDDEN groups are 404 to everyone but their members. "
            + "`myMembership` is your membership (null without a token or membership).")
    @APIResponse(responseCode = "200", description = "The group", headers = @Header(name = "ETag", description = "Send as If-Match with PATCH", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = GroupResponse.class)))
    @APIResponse(responseCode = "401", ref = Responses.UNAUTHORIZED, description = "A token was sent but is invalid")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public RestResponse<GroupResponse> get(
            @Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId) {
        return withETag(groups.get(groupId));
    }

    @PATCH
    @Path("/{groupId}")
    @Authenticated
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "updateGroup", summary = "Edit a group", description = "Moderators and owners (admins too). Merge patch; changing `rules` bumps `rulesVersion`, logs it, and requires members "
            + "to accept the new rules before posting. `visibility` and `facilitated` are owner-only; a group that becomes HIDDEN gets a new "
            + "slug with a random suffix (its old slug stops working), and one that stops being HIDDEN keeps its slug. Archived groups are read-only (409). "
            + "Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The group after the change", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = GroupResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "The group is archived")
    @APIResponse(responseCode = "412", ref = Responses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<GroupResponse> update(
            @Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId,
            @Valid @NotNull UpdateGroupRequest request,
            @Parameter(description = "ETag from GET; refused with 412 if the group changed since") @RestHeader("If-Match") String ifMatch) {
        return withETag(groups.update(groupId, request, ifMatch));
    }

    @DELETE
    @Path("/{groupId}")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "archiveGroup", summary = "Archive a group", description = "Owners and admins. The group becomes read-only and leaves the directory; members keep access to what was said. "
            + "Archiving twice is harmless.")
    @APIResponse(responseCode = "204", description = "Archived")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public void archive(@Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId) {
        groups.archive(groupId, null);
    }

    private static RestResponse<GroupResponse> withETag(Versioned<GroupResponse> versioned) {
        return RestResponse.ResponseBuilder.ok(versioned.body()).header("ETag", versioned.etag()).build();
    }
}
