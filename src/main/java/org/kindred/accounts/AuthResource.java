package org.kindred.accounts;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
import org.kindred.accounts.api.LoginRequest;
import org.kindred.accounts.api.RefreshRequest;
import org.kindred.accounts.api.RegisterRequest;
import org.kindred.accounts.api.RegistrationResponse;
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
    @Operation(operationId = "register", summary = "Create an account", description = "Creates an account and signs it in. The handle is the public pseudonym; the e-mail is never shown to other members. "
            + "The password must be at least 10 characters and is checked against leaked and common passwords. "
            + "`acceptGuidelinesVersion` must be the current version from GET /api/v1/guidelines. "
            + "Registration does not honour Idempotency-Key (replaying it would mean storing tokens); a retry after a lost response gets 409, then sign in.")
    @APIResponse(responseCode = "201", description = "Account created and signed in", headers = @Header(name = "Location", description = "/api/v1/me", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)), content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
    @APIResponse(responseCode = "409", ref = Responses.CONFLICT)
    @APIResponse(responseCode = "413", ref = Responses.PAYLOAD_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = Responses.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = Responses.SERVICE_UNAVAILABLE)
    public RestResponse<RegistrationResponse> register(@Valid @NotNull RegisterRequest request) {
        RegistrationResponse created = registration.register(request);
        return RestResponse.ResponseBuilder.<RegistrationResponse>created(URI.create("/api/v1/me")).entity(created)
                .build();
    }

    @POST
    @Path("/login")
    @PermitAll
    @RateLimited(ActionClass.LOGIN)
    @SecurityRequirements
    @Operation(operationId = "login", summary = "Sign in", description = "Exchanges e-mail and password for a token pair. A wrong e-mail and a wrong password give the same 401, in similar time. "
            + "Sign-in is throttled per IP address (429 with Retry-After); accounts are never locked.")
    @APIResponse(responseCode = "200", description = "Signed in", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST)
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
