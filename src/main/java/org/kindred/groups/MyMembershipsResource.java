package org.kindred.groups;

import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.groups.api.MyGroupMembershipResponse;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;

import io.quarkus.security.Authenticated;

@Path("/api/v1/me/memberships")
@Tag(name = "Memberships")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyMembershipsResource {

    private final MembershipService memberships;

    public MyMembershipsResource(MembershipService memberships) {
        this.memberships = memberships;
    }

    @GET
    @Operation(operationId = "listMyMemberships", summary = "Your groups", description = "Your memberships and requests (pending, denied, banned included), newest first, "
            + "with `rulesCurrent` telling you where the rules changed since you accepted them.")
    @APIResponse(responseCode = "200", description = "One page of your memberships", headers = @Header(name = "Link", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    public RestResponse<Page<MyGroupMembershipResponse>> mine(@Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(memberships.mine(page), uri);
    }
}
