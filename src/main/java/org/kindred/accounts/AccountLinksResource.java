package org.kindred.accounts;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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
import org.kindred.accounts.api.EmailLinkSentResponse;
import org.kindred.accounts.api.LinkTokenRequest;
import org.kindred.accounts.api.PasswordResetConfirmation;
import org.kindred.accounts.api.PasswordResetRequest;
import org.kindred.accounts.api.RecoveryCodeRedemption;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.ratelimit.ActionClass;
import org.kindred.platform.ratelimit.RateLimited;

/**
 * What the links Kindred mails lead to. The member's app opens {@code <kindred.mail.link-base-url>/<action>?token=…}
 * and posts the token here. No operation needs a session: the token is the proof. Every failing token (unknown, used,
 * expired) answers the same 400 {@code invalid-link}. Redeeming a token or a recovery code is a guess at a secret, so
 * every redemption is throttled like a password check (PASSWORD class, per IP; recovery codes per handle too). Asking
 * for a mail is throttled like a sign-up (REGISTER class), per IP and per target address, so nobody can fill an inbox;
 * the target's bucket is taken whether or not the address has an account, so a 429 tells nothing either.
 */
@Path("/api/v1/auth")
@Tag(name = "Auth")
@PermitAll
@SecurityRequirements
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountLinksResource {

    private final EmailAddresses emailAddresses;
    private final AccountRecovery recovery;
    private final RecoveryCodes recoveryCodes;

    public AccountLinksResource(EmailAddresses emailAddresses, AccountRecovery recovery, RecoveryCodes recoveryCodes) {
        this.emailAddresses = emailAddresses;
        this.recovery = recovery;
        this.recoveryCodes = recoveryCodes;
    }

    @POST
    @Path("/email-verification/confirm")
    @RateLimited(ActionClass.PASSWORD)
    @Operation(operationId = "confirmEmailVerification", summary = "Verify your address from the mailed link", description = "The `token` of the link mailed by POST /api/v1/me/email-verification. "
            + "Marks the address verified (`emailVerified` in GET /api/v1/me), which a password reset needs. "
            + "Throttled per IP like a password check (PASSWORD class): a token guess is a password guess.")
    @APIResponse(responseCode = "204", description = "Address verified")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Invalid request, or `invalid-link` (also when the address changed since the link was sent)")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    public void confirmEmailVerification(@Valid @NotNull LinkTokenRequest request) {
        emailAddresses.confirmVerification(request.token());
    }

    @POST
    @Path("/email-change/confirm")
    @RateLimited(ActionClass.PASSWORD)
    @Operation(operationId = "confirmEmailChange", summary = "Move your account to the new address", description = "The `token` of the link mailed to the new address by PATCH /api/v1/me. "
            + "The new address becomes the sign-in address, verified. The old address gets a notice with a link that undoes the change for `kindred.mail.undo-ttl` (7 days). "
            + "Throttled per IP like a password check (PASSWORD class).")
    @APIResponse(responseCode = "204", description = "Address changed")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Invalid request, or `invalid-link`")
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "The new address got an account while the link waited")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    public void confirmEmailChange(@Valid @NotNull LinkTokenRequest request) {
        emailAddresses.confirmChange(request.token());
    }

    @POST
    @Path("/email-change/undo")
    @RateLimited(ActionClass.PASSWORD)
    @Operation(operationId = "undoEmailChange", summary = "Undo an e-mail change from the old address", description = "The `token` of the link in the notice mailed to the old address. "
            + "Moves the account back to the old address and signs out every device, in case the change was made from a stolen session; then reset the password. "
            + "Throttled per IP like a password check (PASSWORD class).")
    @APIResponse(responseCode = "204", description = "Address restored, every session signed out")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Invalid request, or `invalid-link`")
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "The old address has another account now")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    public void undoEmailChange(@Valid @NotNull LinkTokenRequest request) {
        emailAddresses.undoChange(request.token());
    }

    @POST
    @Path("/password-reset")
    @RateLimited(ActionClass.REGISTER)
    @Operation(operationId = "requestPasswordReset", summary = "Ask for a password-reset link", description = "Mails a single-use link, valid for `kindred.mail.password-reset-ttl` (30 minutes), "
            + "if the address belongs to an active account whose address is verified. The answer is the same 202 either way. "
            + "Throttled like a sign-up (REGISTER class), per IP and per address, alike whether or not the address has an account. Asking again withdraws the earlier link.")
    @APIResponse(responseCode = "202", description = "If the address has a verified account, a link is on its way", content = @Content(schema = @Schema(implementation = EmailLinkSentResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    public RestResponse<EmailLinkSentResponse> requestPasswordReset(@Valid @NotNull PasswordResetRequest request) {
        return RestResponse.ResponseBuilder
                .create(RestResponse.Status.ACCEPTED, recovery.requestPasswordReset(request.email())).build();
    }

    @POST
    @Path("/password-reset/confirm")
    @RateLimited(ActionClass.PASSWORD)
    @Operation(operationId = "confirmPasswordReset", summary = "Set a new password from the mailed link", description = "The `token` of the reset link and the new password (same rules as at registration). "
            + "Signs out every session; sign in with the new password. A password the rules refuse (400) leaves the link working. "
            + "Throttled per IP like a password check (PASSWORD class).")
    @APIResponse(responseCode = "204", description = "Password changed, every session signed out")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Invalid request, a weak password, or `invalid-link`")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    public void confirmPasswordReset(@Valid @NotNull PasswordResetConfirmation request) {
        recovery.confirmPasswordReset(request);
    }

    @POST
    @Path("/recovery-codes/redeem")
    @RateLimited(ActionClass.PASSWORD)
    @Operation(operationId = "redeemRecoveryCode", summary = "Set a new password with a recovery code", description = "For members without a verified e-mail (or without access to it): "
            + "the account's handle, one of its unused recovery codes (from POST /api/v1/me/recovery-codes; case, spaces and hyphens are ignored) and the new password (same rules as at registration). "
            + "Uses the code up, signs out every session and, if the account has a verified address, mails it a notice. "
            + "A wrong code, a used code and an unknown handle all answer the same 400 `invalid-code`. "
            + "A password the rules refuse (400 `validation`) leaves the code unused. Throttled per IP and per handle (PASSWORD class).")
    @APIResponse(responseCode = "204", description = "Password changed, every session signed out")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Invalid request, a weak password, or `invalid-code`")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    public void redeemRecoveryCode(@Valid @NotNull RecoveryCodeRedemption request) {
        recoveryCodes.redeem(request);
    }
}
