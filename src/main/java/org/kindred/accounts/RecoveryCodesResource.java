package org.kindred.accounts;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.accounts.api.RecoveryCodesRequest;
import org.kindred.accounts.api.RecoveryCodesResponse;
import org.kindred.accounts.api.RecoveryCodesStatusResponse;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.ratelimit.ActionClass;
import org.kindred.platform.ratelimit.RateLimited;
import org.kindred.platform.security.CurrentUser;

import io.quarkus.security.Authenticated;

/**
 * A member's recovery codes: make a new set (shown once), and see how many are left. Using one is public, at
 * POST /api/v1/auth/recovery-codes/redeem ({@link AccountLinksResource}).
 */
@Path("/api/v1/me/recovery-codes")
@Tag(name = "Me")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class RecoveryCodesResource {

    private final RecoveryCodes codes;
    private final CurrentUser currentUser;

    public RecoveryCodesResource(RecoveryCodes codes, CurrentUser currentUser) {
        this.codes = codes;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(operationId = "getRecoveryCodesStatus", summary = "How many recovery codes you have left", description = "The number of unused codes of your current set and when it was generated. "
            + "The codes themselves are never shown again after POST /api/v1/me/recovery-codes: Kindred keeps only their hashes.")
    @APIResponse(responseCode = "200", description = "Your codes' status", content = @Content(schema = @Schema(implementation = RecoveryCodesStatusResponse.class)))
    public RecoveryCodesStatusResponse status() {
        return codes.status(currentUser.requireAccountId());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(ActionClass.PASSWORD)
    @Operation(operationId = "generateRecoveryCodes", summary = "Make a new set of recovery codes", description = "Needs your current password (throttled like every password check: PASSWORD class, per IP and per account). "
            + "Answers ten printable single-use codes, once: print them or keep them in a password manager, offline and away from this device. "
            + "Each code sets a new password once, without e-mail (POST /api/v1/auth/recovery-codes/redeem), and signs out every device. "
            + "A new set replaces the earlier one at once: its unused codes stop working. "
            + "`Idempotency-Key` is not honoured here: a replay would need the codes stored.")
    @APIResponse(responseCode = "201", description = "The new codes, shown this once (`Cache-Control: no-store`)", headers = @Header(name = "Location", description = "/api/v1/me/recovery-codes", schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = RecoveryCodesResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "`wrong-password`: `currentPassword` is wrong")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    public RestResponse<RecoveryCodesResponse> generate(@Valid @NotNull RecoveryCodesRequest request) {
        RecoveryCodesResponse created = codes.generate(currentUser.requireAccountId(), request.currentPassword());
        return RestResponse.ResponseBuilder.<RecoveryCodesResponse>created(URI.create("/api/v1/me/recovery-codes"))
                .entity(created).build();
    }
}
