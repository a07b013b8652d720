package org.kindred.accounts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.accounts.api.ChangePasswordRequest;
import org.kindred.accounts.api.EmailLinkSentResponse;
import org.kindred.accounts.api.GuidelinesAcceptanceRequest;
import org.kindred.accounts.api.MeResponse;
import org.kindred.accounts.api.UpdateMeRequest;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.ratelimit.ActionClass;
import org.kindred.platform.ratelimit.RateLimited;
import org.kindred.platform.security.CurrentUser;
import org.kindred.platform.web.Versioned;

import io.quarkus.security.Authenticated;

@Path("/api/v1/me")
@Tag(name = "Me")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final MyAccount myAccount;
    private final EmailAddresses emailAddresses;
    private final CurrentUser currentUser;

    public MeResource(MyAccount myAccount, EmailAddresses emailAddresses, CurrentUser currentUser) {
        this.myAccount = myAccount;
        this.emailAddresses = emailAddresses;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(operationId = "getMe", summary = "Your account", description = "Your profile and preferences, including your e-mail (`email: null` and `emailVerified: false` if you joined without one). Sent with `Cache-Control: no-store`.")
    @APIResponse(responseCode = "200", description = "Your account", headers = @Header(name = "ETag", description = "Send as If-Match with PATCH", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)), content = @Content(schema = @Schema(implementation = MeResponse.class)))
    public RestResponse<MeResponse> me() {
        return withETag(myAccount.me(currentUser.requireAccountId()));
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(operationId = "updateMe", summary = "Change your profile and preferences", description = "JSON Merge Patch (RFC 7396): absent fields stay, `null` clears `displayName`, `country` or `birthYear`. "
            + "`hiddenContentWarnings` leaves posts with those warnings out of your feeds. Changing `email` needs `currentPassword`, and that check counts against the password rate limit (429 once it is used up, as with a password change). "
            + "A new `email` takes effect only when the link mailed to it is followed (POST /api/v1/auth/email-change/confirm); until then the response shows it as `pendingEmail` and you keep signing in with `email`. "
            + "A member who joined without an address adds one the same way (`email` is null until the link is followed; no notice goes anywhere, as there is no old address). "
            + "The answer does not say whether the new address has an account (its owner gets a notice instead of a link). Mails to the new address count against its REGISTER per-address limit. Sending your current `email` withdraws a pending change. "
            + "Any other field (handle, roles, status, ...) is refused with 400. Honours If-Match.")
    @APIResponse(responseCode = "200", description = "The updated account", headers = @Header(name = "ETag", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)), content = @Content(schema = @Schema(implementation = MeResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "`currentPassword` is wrong")
    @APIResponse(responseCode = "412", ref = Responses.PRECONDITION_FAILED)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<MeResponse> update(@Valid @NotNull UpdateMeRequest request,
            @Parameter(description = "ETag from GET /api/v1/me; the change is refused with 412 if the account changed since") @RestHeader("If-Match") String ifMatch) {
        return withETag(myAccount.updateMe(currentUser.requireAccountId(), request, ifMatch));
    }

    @PUT
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited(ActionClass.PASSWORD)
    @Operation(operationId = "changePassword", summary = "Change your password", description = "Needs the current password. Signs out every other session at once; this session stays signed in. "
            + "Takes no `If-Match`: the password is never read back, so there is no version to match, and `currentPassword` "
            + "already proves the caller knows the state being replaced.")
    @APIResponse(responseCode = "204", description = "Password changed")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "`currentPassword` is wrong")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    public void changePassword(@Valid @NotNull ChangePasswordRequest request) {
        myAccount.changePassword(currentUser.requireAccountId(), currentUser.sessionId(), request);
    }

    @POST
    @Path("/guidelines-acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acceptGuidelines", summary = "Accept the current community guidelines", description = "When the guidelines change (`guidelinesAcceptanceRequired: true` in GET /api/v1/me), "
            + "posting and replying answer 409 `guidelines-outdated` until you read the new version (GET /api/v1/guidelines) and accept it here. "
            + "The acceptance is recorded with its time and is part of your data export. Accepting the version you already accepted changes nothing.")
    @APIResponse(responseCode = "200", description = "Your account, with the version accepted", headers = @Header(name = "ETag", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)), content = @Content(schema = @Schema(implementation = MeResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "`guidelines-outdated`: not the current version (the problem names it in `currentGuidelinesVersion`)")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public RestResponse<MeResponse> acceptGuidelines(@Valid @NotNull GuidelinesAcceptanceRequest request) {
        return withETag(myAccount.acceptGuidelines(currentUser.requireAccountId(), request.version()));
    }

    @POST
    @Path("/email-verification")
    @Consumes(MediaType.WILDCARD)
    @RateLimited(ActionClass.REGISTER)
    @Operation(operationId = "requestEmailVerification", summary = "Ask for a link that verifies your address", description = "Mails a single-use link to your address, valid for `kindred.mail.verification-ttl` (24 hours); "
            + "follow it with POST /api/v1/auth/email-verification/confirm. Accounts created from a registration link are verified already; accounts from before verified e-mail start unverified. "
            + "A password reset needs a verified address. Throttled like a sign-up (REGISTER class), per IP and per account. No body.")
    @APIResponse(responseCode = "202", description = "A link is on its way", content = @Content(schema = @Schema(implementation = EmailLinkSentResponse.class)))
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "Your address is verified already (`email-already-verified`), or your account has no address (`no-email`: add one with PATCH /api/v1/me)")
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    public RestResponse<EmailLinkSentResponse> requestEmailVerification() {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED,
                emailAddresses.requestVerification(currentUser.requireAccountId())).build();
    }

    private static RestResponse<MeResponse> withETag(Versioned<MeResponse> versioned) {
        return RestResponse.ResponseBuilder.ok(versioned.body()).header("ETag", versioned.etag()).build();
    }
}
