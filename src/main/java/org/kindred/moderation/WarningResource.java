package org.kindred.moderation;

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
import org.kindred.moderation.api.WarningResponse;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.paging.PageParams;
import org.kindred.platform.paging.PageResponses;

import io.quarkus.security.Authenticated;

@Path("/api/v1/me/warnings")
@Tag(name = "Me")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class WarningResource {

    private final WarningService warnings;

    public WarningResource(WarningService warnings) {
        this.warnings = warnings;
    }

    @GET
    @Operation(operationId = "listMyWarnings", summary = "Warnings you received", description = "Warnings from groups' moderators, newest first, with their reasons.")
    @APIResponse(responseCode = "200", description = "One page of warnings", headers = @Header(name = "Link", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    public RestResponse<Page<WarningResponse>> mine(@Valid @BeanParam PageParams page, @Context UriInfo uri) {
        return PageResponses.ok(warnings.myWarnings(page), uri);
    }
}
