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
    @Operation(operationId = "blockAccount", summary = "Block someone", description = "Their posts and replies disappear from your feeds and threads; they no longer see yours, and cannot reply to "
            + "or react to your posts. They are not told. Blocking twice is harmless. Takes no `If-Match`: it only adds the member to "
            + "your set of blocks, an idempotent change with no representation to version, so there is no concurrent edit to lose.")
    @APIResponse(responseCode = "204", description = "Blocked")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Not a UUID, or yourself")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public void block(@RestPath("accountId") UUID accountId) {
        blocks.block(accountId);
    }

    @DELETE
    @Path("/{accountId}")
    @Operation(operationId = "unblockAccount", summary = "Unblock someone", description = "Unblocking someone you had not blocked is harmless.")
    @APIResponse(responseCode = "204", description = "Unblocked")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    public void unblock(@RestPath("accountId") UUID accountId) {
        blocks.unblock(accountId);
    }
}
