package org.kindred.safety;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.platform.openapi.Responses;
import org.kindred.safety.api.KeywordRuleRequest;
import org.kindred.safety.api.KeywordRuleResponse;
import org.kindred.safety.api.UpdateKeywordRuleRequest;

import io.quarkus.security.Authenticated;

@Path("/api/v1/groups/{groupId}/keyword-rules")
@Tag(name = "Moderation")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class KeywordRuleResource {

    private static final String GROUP_ID_DOC = "The group's UUID or its slug";

    private final KeywordRuleService rules;

    public KeywordRuleResource(KeywordRuleService rules) {
        this.rules = rules;
    }

    @GET
    @Operation(operationId = "listKeywordRules", summary = "The group's watched words", description = "Moderators. All rules (at most 500), oldest first.")
    @APIResponse(responseCode = "200", description = "The rules", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = KeywordRuleResponse.class, maxItems = KeywordRuleService.MAX_RULES_PER_GROUP)))
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public List<KeywordRuleResponse> list(
            @Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId) {
        return rules.list(groupId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createKeywordRule", summary = "Watch a word or phrase", description = "Moderators. New posts and replies (and edits) that contain it, as whole words and ignoring case and accents, are "
            + "refused with a 422 naming the rule (BLOCK), held for approval (HOLD), or published and queued for review (FLAG). "
            + "The words themselves are shown to moderators only.")
    @APIResponse(responseCode = "201", description = "Watched", headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = KeywordRuleResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "Already watched, or 500 rules reached")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<KeywordRuleResponse> add(
            @Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId,
            @Valid @NotNull KeywordRuleRequest request) {
        KeywordRuleResponse rule = rules.add(groupId, request);
        return RestResponse.ResponseBuilder.<KeywordRuleResponse>created(URI.create("/api/v1/groups/" + groupId
                + "/keyword-rules/" + rule.id())).entity(rule).build();
    }

    @PATCH
    @Path("/{ruleId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateKeywordRule", summary = "Change what a rule does", description = "Moderators. Honours If-Match with the ETag of an earlier change (412 if the rule changed since).")
    @APIResponse(responseCode = "200", description = "The rule", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = KeywordRuleResponse.class)))
    @APIResponse(responseCode = "412", ref = Responses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<KeywordRuleResponse> change(
            @Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId,
            @RestPath("ruleId") UUID ruleId, @Valid @NotNull UpdateKeywordRuleRequest request,
            @Parameter(description = "An ETag this object was sent with; the change is refused with 412 if it changed since") @RestHeader("If-Match") String ifMatch) {
        return rules.change(groupId, ruleId, request.action(), ifMatch).ok();
    }

    @DELETE
    @Path("/{ruleId}")
    @Operation(operationId = "deleteKeywordRule", summary = "Stop watching a word or phrase", description = "Moderators.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public void remove(@Parameter(description = GROUP_ID_DOC) @RestPath @Size(max = 80) String groupId,
            @RestPath("ruleId") UUID ruleId) {
        rules.remove(groupId, ruleId);
    }
}
