package org.kindred.accounts;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.kindred.accounts.api.LinkTokenRequest;
import org.kindred.accounts.api.LoginRequest;
import org.kindred.accounts.api.RefreshRequest;
import org.kindred.accounts.api.RegisterRequest;
import org.kindred.accounts.api.RegisterWithoutEmailRequest;
import org.kindred.accounts.api.RegistrationAcceptedResponse;
import org.kindred.accounts.api.RegistrationResponse;
import org.kindred.accounts.api.RegistrationWithoutEmailResponse;
import org.kindred.accounts.api.TokenResponse;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.ratelimit.ActionClass;
import org.kindred.platform.ratelimit.RateLimited;
import org.kindred.platform.security.CurrentUser;

import io.quarkus.security.Authenticated;

@Path("/api/v1/auth")
@Tag(name = "Auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final Registration registration;
    private final SignIn signIn;
    private final SessionService sessions;
    private final CurrentUser currentUser;

    public AuthResource(Registration registration, SignIn signIn, SessionService sessions,
            CurrentUser currentUser) {
        this.registration = registration;
        this.signIn = signIn;
        this.sessions = sessions;
        this.currentUser = currentUser;
    }

    @POST
    @Path("/register")
    @PermitAll
    @RateLimited(ActionClass.REGISTER)
    @SecurityRequirements
    @Operation(operationId = "register", summary = "Ask for an account", description = "Step one of two: checks the request and mails a link to the address; "
            + "the account exists once the link is followed (POST /api/v1/auth/register/confirm). The answer is the same 202 whether or not the address "
            + "already has an account: its owner gets a notice instead of a link, so nobody can learn from Kindred whether a person uses it. "
            + "The handle is the public pseudonym (409 if another account has it: handles are public anyway); the e-mail is never shown to other members. "
            + "The password must be at least 10 characters and is checked against leaked and common passwords. "
            + "`acceptGuidelinesVersion` must be the current version from GET /api/v1/guidelines. "
            + "Throttled per IP and per address (REGISTER class). Asking again mails a new link; every link works until one of them is followed or it expires.")
    @APIResponse(responseCode = "202", description = "A link is on its way (or, if the address has an account, a notice to its owner)", content = @Content(schema = @Schema(implementation = RegistrationAcceptedResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "The handle is taken, or `acceptGuidelinesVersion` is not current")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    public RestResponse<RegistrationAcceptedResponse> register(@Valid @NotNull RegisterRequest request) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, registration.register(request))
                .build();
    }

    @POST
    @Path("/register/confirm")
    @PermitAll
    @RateLimited(ActionClass.PASSWORD)
    @SecurityRequirements
    @Operation(operationId = "confirmRegistration", summary = "Create the account from the mailed link", description = "Step two: the `token` of the link mailed by POST /api/v1/auth/register. "
            + "Creates the account with a verified address and signs it in. The link works once; an unknown, used or expired token answers 400 `invalid-link`. "
            + "Throttled per IP like a password check (PASSWORD class): a token guess is a password guess.")
    @APIResponse(responseCode = "201", description = "Account created and signed in", headers = @Header(name = "Location", description = "/api/v1/me", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)), content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Invalid request, or `invalid-link`")
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "The handle was taken while the link waited, or the address got an account meanwhile, or the guidelines changed")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    public RestResponse<RegistrationResponse> confirmRegistration(@Valid @NotNull LinkTokenRequest request) {
        RegistrationResponse created = registration.confirm(request.token());
        return RestResponse.ResponseBuilder.<RegistrationResponse>created(URI.create("/api/v1/me")).entity(created)
                .build();
    }

    @POST
    @Path("/register/without-email")
    @PermitAll
    @RateLimited(ActionClass.REGISTER)
    @SecurityRequirements
    @Operation(operationId = "registerWithoutEmail", summary = "Join without an e-mail address", description = "For members who do not want to give Kindred a reachable address. "
            + "Creates the account at once and signs it in: the same body as POST /api/v1/auth/register without `email`, and the same checks "
            + "(`acceptGuidelinesVersion` must be the current version, the handle must be free and not reserved, the password strong, the member 16 or over). "
            + "The answer carries ten printable single-use recovery codes, shown this once (`Cache-Control: no-store`): with no address they are the only way "
            + "back after a forgotten password (POST /api/v1/auth/recovery-codes/redeem), so the app must show them and ask the member to keep them before going on. "
            + "Sign in later with `handle` and `password` (POST /api/v1/auth/login). An address can be added at any time with PATCH /api/v1/me. "
            + "Throttled per IP (REGISTER class). `Idempotency-Key` is not honoured: a replay would need the codes stored.")
    @APIResponse(responseCode = "201", description = "Account created and signed in; its recovery codes, shown this once", headers = @Header(name = "Location", description = "/api/v1/me", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)), content = @Content(schema = @Schema(implementation = RegistrationWithoutEmailResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT, description = "The handle is taken (`duplicate`), or `acceptGuidelinesVersion` is not current (`guidelines-outdated`)")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    public RestResponse<RegistrationWithoutEmailResponse> registerWithoutEmail(
            @Valid @NotNull RegisterWithoutEmailRequest request) {
        RegistrationWithoutEmailResponse created = registration.registerWithoutEmail(request);
        return RestResponse.ResponseBuilder.<RegistrationWithoutEmailResponse>created(URI.create("/api/v1/me"))
                .entity(created).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("/login")
    @PermitAll
    @RateLimited(ActionClass.LOGIN)
    @SecurityRequirements
    @Operation(operationId = "login", summary = "Sign in", description = "Exchanges e-mail or handle, and password, for a token pair. Send exactly one of `email` and `handle` (400 for both or neither): "
            + "members who joined without an address (POST /api/v1/auth/register/without-email) sign in with the handle; any member may. "
            + "An unknown e-mail or handle and a wrong password give the same 401, in similar time (one password-hash check either way). "
            + "Sign-in is throttled per IP address (LOGIN class; 429 with Retry-After); accounts are never locked, and not throttled per handle either: "
            + "handles are public, so anyone could otherwise keep a member from signing in.")
    @APIResponse(responseCode = "200", description = "Signed in", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Invalid request, including both or neither of `email` and `handle`")
    // Public, so KindredOpenApiFilter adds no 401: this one is for wrong credentials in the body.
    @APIResponse(responseCode = "401", ref = Responses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = Responses.FORBIDDEN, description = "The account is suspended")
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    public TokenResponse login(@Valid @NotNull LoginRequest request) {
        return signIn.login(request);
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @RateLimited(ActionClass.REFRESH)
    @SecurityRequirements
    @Operation(operationId = "refresh", summary = "Refresh the token pair", description = "Uses up the refresh token and returns a new pair (rotation). Presenting a refresh token that was already used "
            + "signs the whole session out (it was probably stolen) and answers 401 `refresh-token-reused`.")
    @APIResponse(responseCode = "200", description = "A new token pair", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    // Public, so KindredOpenApiFilter adds no 401: this one is for wrong credentials in the body.
    @APIResponse(responseCode = "401", ref = Responses.UNAUTHORIZED)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    public TokenResponse refresh(@Valid @NotNull RefreshRequest request) {
        return sessions.refresh(request.refreshToken());
    }

    @POST
    @Path("/logout")
    @Authenticated
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "logout", summary = "Sign out", description = "Revokes the current session: its refresh tokens and, at once, its access tokens. Other sessions stay signed in.")
    @APIResponse(responseCode = "204", description = "Signed out")
    public void logout() {
        sessions.logout(currentUser.sessionId());
    }
}
