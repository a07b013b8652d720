package org.kindred.privacy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.ratelimit.ActionClass;
import org.kindred.platform.ratelimit.RateLimited;
import org.kindred.platform.security.CurrentUser;
import org.kindred.privacy.api.DataExport;
import org.kindred.privacy.api.EraseAccountRequest;

import io.quarkus.security.Authenticated;

/**
 * The member's own data: download all of it, or erase the account. Shares {@code /api/v1/me} with the accounts
 * feature's profile resource; these two operations live here because they reach into every feature below.
 */
@Path("/api/v1/me")
@Tag(name = "Me")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MyDataResource {

    private final DataExportService exports;
    private final ErasureService erasure;
    private final CurrentUser currentUser;

    public MyDataResource(DataExportService exports, ErasureService erasure, CurrentUser currentUser) {
        this.exports = exports;
        this.erasure = erasure;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/export")
    @RateLimited(ActionClass.EXPORT)
    @Operation(operationId = "exportMyData", summary = "Download everything stored about you", description = "One JSON document with your profile, consents, sessions, memberships, "
            + "the groups you created, your posts and replies (anonymous ones included, with their edit history), reactions, the reports you "
            + "filed, your blocks, the warnings you were given and the moderation actions you took. Other members appear only by handle where "
            + "needed for context; who reported you is never included. Sent as an attachment with `Cache-Control: no-store`; "
            + "limited to a few exports per hour. Your incident journal is included decrypted; if it has a passphrase, send it in "
            + "`Kindred-Journal-Passphrase` to include it, otherwise the journal section is `locked: true` with its content-free hash chain "
            + "only (a wrong passphrase is a 401, so you never mistake an incomplete export for a whole one).")
    @APIResponse(responseCode = "200", description = "Your data", headers = @Header(name = "Content-Disposition", description = "`attachment; filename=\"kindred-export-<date>.json\"`", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 64, pattern = "^attachment; filename=\"kindred-export-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.json\"$")), content = @Content(schema = @Schema(implementation = DataExport.class)))
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    @Parameter(ref = Responses.JOURNAL_PASSPHRASE)
    @APIResponse(responseCode = "401", ref = Responses.JOURNAL_LOCKED)
    public RestResponse<DataExport> export() {
        DataExport export = exports.export(currentUser.requireAccountId());
        String date = export.exportedAt().toString().substring(0, 10);
        return RestResponse.ResponseBuilder.ok(export)
                .header("Content-Disposition", "attachment; filename=\"kindred-export-" + date + ".json\"").build();
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(ActionClass.PASSWORD)
    @Operation(operationId = "deleteMe", summary = "Delete your account", description = "Needs your password. Every session ends at once. Your e-mail, profile, preferences, "
            + "memberships, blocks, consents and warnings are erased and your handle is replaced by a `deleted_...` tombstone. "
            + "With `removeContent: true` your posts, replies and reactions are removed too; with `false` they stay, shown as written by "
            + "\"Deleted member\". A post under an open report keeps its text for the group's moderators until the report is closed, then it "
            + "is erased. The last owner of a group must first transfer ownership or archive the group (409, listing the groups). "
            + "This cannot be undone.")
    @APIResponse(responseCode = "204", description = "Account erased; its tokens no longer work")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "`password` is wrong")
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "You are the last owner of the groups listed in `groups`")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    public void erase(@Valid @NotNull EraseAccountRequest request) {
        erasure.erase(currentUser.requireAccountId(), request);
    }
}
