package org.kindred.moderation;

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
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.moderation.api.ModerationLogEntryResponse;
import org.kindred.moderation.api.QueueItemResponse;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;

import io.quarkus.security.Authenticated;

@Path("/api/v1/groups/{groupId}")
@Tag(name = "Moderation")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class GroupReportResource {

    private static final String GROUP_ID_DOC = "The group's UUID or its slug";

    private final ModerationQueue queue;
    private final ModerationLog log;

    public GroupReportResource(ModerationQueue queue, ModerationLog log) {
        this.queue = queue;
        this.log = log;
    }

    @GET
    @Path("/reports")
    @Operation(operationId = "listGroupReports", summary = "The group's moderation queue", description = "Moderators. One item per reported post or account, most urgent first: posts held for care, then posts waiting "
            + "for approval (keyword rules), then by number of reporting members and age. Reporters are never named; reports "
            + "about yourself are left out (other moderators handle them). `status=RESOLVED` lists closed items, newest first.")
    @APIResponse(responseCode = "200", description = "One page of the queue", headers = @Header(name = "Link", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public RestResponse<Page<QueueItemResponse>> queue(
            @Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId,
            @Parameter(description = "OPEN (default) or RESOLVED (resolved and dismissed)", schema = @Schema(enumeration = {
                    "OPEN", "RESOLVED"})) @RestQuery("status") ReportStatus status,
            @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(queue.groupQueue(groupId, status, page), uri);
    }

    @GET
    @Path("/moderation-log")
    @Operation(operationId = "listModerationLog", summary = "The group's moderation log", description = "Members of the group. Append-only record of moderation actions, newest first: approvals, denials, bans, role "
            + "and rules changes, removals, locks. Members see the actor as \"moderator\", no account targets and no reasons for "
            + "entries about a person; moderators see handles and reasons. Anything done to a post held for care, and the watched "
            + "words of keyword rules, are shown to moderators only.")
    @APIResponse(responseCode = "200", description = "One page of the log", headers = @Header(name = "Link", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public RestResponse<Page<ModerationLogEntryResponse>> log(
            @Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId,
            @Valid @BeanParam PageParams page,
            @Context UriInfo uri) {
        return PageResponses.ok(log.page(groupId, page), uri);
    }
}
