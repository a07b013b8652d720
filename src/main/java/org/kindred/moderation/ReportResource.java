package org.kindred.moderation;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.moderation.api.CreateReportRequest;
import org.kindred.moderation.api.QueueItemResponse;
import org.kindred.moderation.api.ReportResponse;
import org.kindred.moderation.api.ResolveReportRequest;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;
import org.kindred.platform.ratelimit.ActionClass;
import org.kindred.platform.ratelimit.RateLimited;

import io.quarkus.security.Authenticated;

@Path("/api/v1/reports")
@Tag(name = "Moderation")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportService reports;
    private final ReportResolution resolution;
    private final ModerationQueue queue;

    public ReportResource(ReportService reports, ReportResolution resolution, ModerationQueue queue) {
        this.reports = reports;
        this.resolution = resolution;
        this.queue = queue;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(ActionClass.REPORT)
    @Operation(operationId = "createReport", summary = "Report a post, an account or a group", description = "You must be able to see what you report (404 otherwise). The person reported never learns who reported them. "
            + "Reporting the same thing again updates your earlier report (200) instead of adding one. A post reported by "
            + "several different members (3 by default) is hidden until a moderator reviews it. Post reports go to the "
            + "group's moderators; account reports to the moderators of the `groupId` given, otherwise to platform admins; "
            + "group reports to platform admins. Reports are throttled per account. A WELLBEING_CONCERN is care, not a complaint: it "
            + "never counts toward hiding a post, goes to the top of the moderators' queue, and the person receives a private "
            + "care note with crisis lines (GET /api/v1/me/care) that never says who was worried.")
    @APIResponse(responseCode = "200", description = "Your earlier open report of the same target, updated", content = @Content(schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "201", description = "Reported", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "Banned from the group, or not a member of `groupId`")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "The target does not exist or you cannot see it")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<ReportResponse> file(@Valid @NotNull CreateReportRequest request) {
        ReportService.Filed filed = reports.file(request);
        if (!filed.created()) {
            return RestResponse.ok(filed.report());
        }
        return RestResponse.ResponseBuilder
                .<ReportResponse>created(URI.create("/api/v1/reports/" + filed.report().id()))
                .entity(filed.report()).build();
    }

    @GET
    @Operation(operationId = "listReports", summary = "The platform's report queue", description = "Platform admins: reports of accounts (without a group) and of groups, grouped per target. Group queues are at "
            + "GET /api/v1/groups/{groupId}/reports.")
    @APIResponse(responseCode = "200", description = "One page of the queue", headers = @Header(name = "Link", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    public RestResponse<Page<QueueItemResponse>> platformQueue(
            @Parameter(description = "OPEN (default) or RESOLVED (resolved and dismissed)", schema = @Schema(enumeration = {
                    "OPEN", "RESOLVED"})) @RestQuery("status") ReportStatus status,
            @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(queue.platformQueue(status, page), uri);
    }

    @GET
    @Path("/{reportId}")
    @Operation(operationId = "getReport", summary = "A report", description = "For the member who filed it (to follow its status), the group's moderators and admins. "
            + "The member who filed a report about a post sees post-level outcomes only: an action against the author's account "
            + "shows as `resolution: null` with `actionTaken: true`.")
    @APIResponse(responseCode = "200", description = "The report", headers = @Header(name = "ETag", description = "Send as If-Match with PATCH", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public RestResponse<ReportResponse> get(@RestPath("reportId") UUID reportId) {
        return reports.get(reportId).ok();
    }

    @PATCH
    @Path("/{reportId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "resolveReport", summary = "Resolve or dismiss a report", description = "The group's moderators (or admins). Closes every open report of the same target and applies the action in the "
            + "same transaction: HIDE_POST, RESTORE_POST (release a held, hidden or waiting post), REMOVE_POST, LOCK_THREAD, "
            + "WARN (the member sees `reason`), BAN_MEMBER (optional `bannedUntil`), SUSPEND_ACCOUNT (admins). Every action is "
            + "written to the moderation log. Closing twice is 409. Reports about yourself are for other moderators (404), and a "
            + "report you filed yourself is resolved by another moderator (403 `own-report`). On a report of an anonymous post, "
            + "BAN_MEMBER and SUSPEND_ACCOUNT are refused (422 `reveals-anonymous-author`): a ban or suspension changes the "
            + "member list and the profile at the moment the report closes, which would show who wrote the post; remove, hide or "
            + "lock the post or WARN its author privately, and report the account itself if it must go. The same rules as a direct "
            + "change apply: moderators cannot act on moderators or owners (403), owners cannot be banned (409). Honours If-Match "
            + "(the ETag of GET /api/v1/reports/{reportId}; 412 if the report changed since).")
    @APIResponse(responseCode = "200", description = "The report, closed", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "412", ref = Responses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "An action that does not fit the target, or a missing reason")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "A report you filed (`own-report`), an action on a moderator or owner by a moderator (`not-an-owner`), or SUSPEND_ACCOUNT by a non-admin")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "Already closed, or banning an owner")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = Responses.UNPROCESSABLE, description = "`reveals-anonymous-author`: BAN_MEMBER or SUSPEND_ACCOUNT on a report of an anonymous post (it would show every member who wrote it); nothing is changed and the report stays open")
    public RestResponse<ReportResponse> resolve(@RestPath("reportId") UUID reportId,
            @Valid @NotNull ResolveReportRequest request,
            @Parameter(description = "ETag from GET /api/v1/reports/{reportId}; the change is refused with 412 if the report changed since") @RestHeader("If-Match") String ifMatch) {
        return resolution.resolve(reportId, request, ifMatch).ok();
    }
}
