package org.kindred.groups;

import java.net.URI;
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
import org.kindred.groups.api.AcceptRulesRequest;
import org.kindred.groups.api.CreateInviteRequest;
import org.kindred.groups.api.InviteResponse;
import org.kindred.groups.api.JoinRequest;
import org.kindred.groups.api.MemberResponse;
import org.kindred.groups.api.MyMembershipResponse;
import org.kindred.groups.api.UpdateMemberRequest;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;

import io.quarkus.security.Authenticated;

@Path("/api/v1/groups/{groupId}")
@Tag(name = "Memberships")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MembershipResource {

    private static final String GROUP_ID_DOC = "The group's UUID or its slug";

    private final MembershipService memberships;
    private final MembershipDecisions decisions;
    private final InviteService invites;

    public MembershipResource(MembershipService memberships, MembershipDecisions decisions, InviteService invites) {
        this.memberships = memberships;
        this.decisions = decisions;
        this.invites = invites;
    }

    @POST
    @Path("/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "joinGroup", summary = "Join a group", description = "Accept the group's current rules by sending its `rulesVersion` (409 with the current rules otherwise). "
            + "PUBLIC: you become an ACTIVE member (201). PRIVATE: your request with its `message` waits for a moderator (202, PENDING); "
            + "a valid `inviteCode` skips approval. HIDDEN: only with an `inviteCode` (without one the group does not exist: 404). "
            + "Joining again returns your existing membership (200, or 202 while pending). A ban in force is 403.")
    @APIResponse(responseCode = "200", description = "You were already a member", content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "201", description = "You are a member", content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "202", description = "Your request waits for a moderator", content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "You are banned from this group")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "Rules version not current (`currentRulesVersion` and `rules` in the problem), or the group is archived")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<MemberResponse> join(
            @Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId,
            @Valid @NotNull JoinRequest request) {
        MembershipService.JoinResult result = memberships.join(groupId, request);
        return RestResponse.ResponseBuilder.<MemberResponse>create(result.status()).entity(result.membership()).build();
    }

    @GET
    @Path("/members")
    @Operation(operationId = "listMembers", summary = "Members of a group", description = "For the group's active members. Default `status=ACTIVE`, oldest first; moderators may list PENDING (the join queue), "
            + "DENIED and BANNED. Request messages, reasons and ban ends are shown to moderators only. A block hides each person from the other: "
            + "members you blocked, and members who blocked you, are left out of the list (moderators and admins still see everyone).")
    @APIResponse(responseCode = "200", description = "One page of members", headers = @Header(name = "Link", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public RestResponse<Page<MemberResponse>> members(
            @Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId,
            @Parameter(description = "Which memberships; other than ACTIVE for moderators only") @RestQuery("status") MembershipStatus status,
            @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(memberships.list(groupId, status, page), uri);
    }

    @PATCH
    @Path("/members/{accountId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateMember", summary = "Approve, deny, ban or change a member's role", description = "Moderators decide on requests and bans; owners (and admins) also grant or remove MODERATOR and OWNER. "
            + "Moderators cannot act on moderators or owners. An owner cannot be banned, and the last owner cannot step down (409). "
            + "Approving something that is not pending is 409. Every decision is written to the group's moderation log. "
            + "Honours If-Match with the ETag of an earlier decision (412 if the membership changed since).")
    @APIResponse(responseCode = "200", description = "The membership after the decision", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    @APIResponse(responseCode = "412", ref = Responses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No such group, or the account is not in it")
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<MemberResponse> decide(
            @Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId, @RestPath UUID accountId,
            @Valid @NotNull UpdateMemberRequest request,
            @Parameter(description = "An ETag this object was sent with; the change is refused with 412 if it changed since") @RestHeader("If-Match") String ifMatch) {
        return decisions.decide(groupId, accountId, request, ifMatch).ok();
    }

    @DELETE
    @Path("/members/{accountId}")
    @Operation(operationId = "removeMember", summary = "Leave a group, or remove a member", description = "With your own account id: leave (or withdraw a request). The last owner cannot leave (409); a ban stays (409). "
            + "With someone else's: moderators remove members, owners also remove moderators; owners cannot be removed (409).")
    @APIResponse(responseCode = "204", description = "Left or removed")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "`reason` is longer than 500 characters")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT)
    public void remove(@Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId,
            @RestPath UUID accountId,
            @Parameter(description = "Why (moderators; kept in the moderation log)") @RestQuery("reason") @Size(max = 500) String reason) {
        memberships.remove(groupId, accountId, reason);
    }

    @POST
    @Path("/rules/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acceptGroupRules", summary = "Accept the group's current rules", description = "After the rules change, members accept the new version before they post again.")
    @APIResponse(responseCode = "200", description = "Your membership", content = @Content(schema = @Schema(implementation = MyMembershipResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "Not a member")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "Not the current version (the problem carries the current rules)")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public MyMembershipResponse acceptRules(
            @Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId,
            @Valid @NotNull AcceptRulesRequest request) {
        return memberships.acceptRules(groupId, request.rulesVersion());
    }

    @POST
    @Path("/invites")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createInvite", summary = "Create an invite code", description = "Moderators and owners. The code is shown only in this response (it is stored hashed). Default: one use, 7 days.")
    @APIResponse(responseCode = "201", description = "The invite, with its code", content = @Content(schema = @Schema(implementation = InviteResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "The group is archived")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<InviteResponse> createInvite(
            @Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId,
            @Valid CreateInviteRequest request) {
        InviteResponse invite = invites.createInvite(groupId, request);
        return RestResponse.ResponseBuilder
                .<InviteResponse>created(URI.create("/api/v1/groups/" + groupId + "/invites/" + invite.id()))
                .entity(invite).build();
    }

    @GET
    @Path("/invites")
    @Operation(operationId = "listInvites", summary = "Invite codes of a group", description = "Moderators and owners; newest first. Codes themselves are never shown again.")
    @APIResponse(responseCode = "200", description = "One page of invites", headers = @Header(name = "Link", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public RestResponse<Page<InviteResponse>> invites(
            @Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId,
            @Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(invites.invites(groupId, page), uri);
    }

    @DELETE
    @Path("/invites/{inviteId}")
    @Operation(operationId = "revokeInvite", summary = "Revoke an invite code", description = "Moderators and owners. The code stops working at once.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public void revokeInvite(@Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId,
            @RestPath UUID inviteId) {
        invites.revokeInvite(groupId, inviteId);
    }
}
