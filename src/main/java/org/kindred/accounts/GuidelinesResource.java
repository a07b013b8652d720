package org.kindred.accounts;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.accounts.api.GuidelinesResponse;

@Path("/api/v1/guidelines")
@Tag(name = "Community")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class GuidelinesResource {

    private final Guidelines guidelines;

    public GuidelinesResource(Guidelines guidelines) {
        this.guidelines = guidelines;
    }

    @GET
    @SecurityRequirements
    @Operation(operationId = "getGuidelines", summary = "The current community guidelines", description = "Show these before registration; send their `version` as `acceptGuidelinesVersion`.")
    @APIResponse(responseCode = "200", description = "The guidelines", content = @Content(schema = @Schema(implementation = GuidelinesResponse.class)))
    public RestResponse<GuidelinesResponse> current() {
        return RestResponse.ResponseBuilder.ok(guidelines.current()).header("Cache-Control", "public, max-age=3600")
                .header("ETag", "\"guidelines-" + guidelines.currentVersion() + "\"").build();
    }
}
