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
import org.kindred.accounts.api.BlockResponse;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;

import io.quarkus.security.Authenticated;

@Path("/api/v1/me/blocks")
@Tag(name = "Me")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class BlockResource {

    private final BlockService blocks;

    public BlockResource(BlockService blocks) {
        this.blocks = blocks;
    }

    @GET
    @Operation(operationId = "listBlocks", summary = "People you blocked", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "One page of blocks", headers = @Header(name = "Link", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    public RestResponse<Page<BlockResponse>> list(@Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(blocks.mine(page), uri);
    }

    @PUT
    @Path("/{accountId}")
    @Operation(operationId = "blockAccount", summary = "Block someone", description = "A block hides each of you from the other, in both "
            + "directions, whoever blocked whom. They are not notified.\n\n"
            + "- **Named posts and replies**: theirs leave your group feeds, threads (replies), home timeline and search, and yours "
            + "leave theirs. Opened by id, such a post answers 404 exactly like a post that does not exist, so neither of you can "
            + "reply to the other's named posts (nor in a named thread the other started) or react to them.\n"
            + "- **Member lists**: each of you is left out of the other's `GET /api/v1/groups/{groupId}/members`.\n"
            + "- **Profiles**: `GET /api/v1/accounts/{handle}` answers 404 across the block, exactly like an unknown handle.\n"
            + "- **Notifications**: a named reply by one of you no longer notifies the other.\n\n"
            + "**Anonymous posts and replies are never affected by blocks**, in either direction: they stay in every list, open by "
            + "id, and take replies and reactions from both of you as before, because a post that disappeared after a block would "
            + "tell who wrote it (README \"Privacy model\", I1). A group's moderators and owners acting as such still see its whole "
            + "member list and open any of its posts by id, and platform admins see every profile. Blocking twice is harmless.\n\n"
            + "Takes no `If-Match`: it only adds the member to your set of blocks, an idempotent change with no representation "
            + "to version, so there is no concurrent edit to lose.")
    @APIResponse(responseCode = "204", description = "Blocked")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Not a UUID, or yourself")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND, description = "No live account with this id")
    public void block(@RestPath("accountId") UUID accountId) {
        blocks.block(accountId);
    }

    @DELETE
    @Path("/{accountId}")
    @Operation(operationId = "unblockAccount", summary = "Unblock someone", description = "Their named posts and replies, their entry in member lists and their profile "
            + "reappear for you, and yours for them, unless they blocked you too. Unblocking someone you had not blocked is harmless.")
    @APIResponse(responseCode = "204", description = "Unblocked")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    public void unblock(@RestPath("accountId") UUID accountId) {
        blocks.unblock(accountId);
    }
}
