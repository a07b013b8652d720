package org.kindred.accounts;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.kindred.accounts.api.SessionResponse;
import org.kindred.platform.openapi.Responses;
import org.kindred.platform.paging.Page;
import org.kindred.platform.security.CurrentUser;

import io.quarkus.security.Authenticated;

/** A member's signed-in devices: see them, and sign out one that was lost, or all the others. */
@Path("/api/v1/me/sessions")
@Tag(name = "Me")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class MySessionsResource {

    private final SessionService sessions;
    private final CurrentUser currentUser;

    public MySessionsResource(SessionService sessions, CurrentUser currentUser) {
        this.sessions = sessions;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(operationId = "listMySessions", summary = "Your signed-in devices", description = "Sessions that can still be used, most recently used first; `current` marks the one this request "
            + "used. Every session is in one page (`nextCursor` is always null): a session ends at the latest after `KINDRED_AUTH_SESSION_MAX_AGE`. "
            + "`deviceLabel` is what the app sent at sign-in (POST /api/v1/auth/login); Kindred keeps no IP address or user agent.")
    @APIResponse(responseCode = "200", description = "Your sessions")
    public Page<SessionResponse> list() {
        return Page.of(sessions.list(currentUser.requireAccountId(), currentUser.sessionId()), null);
    }

    @DELETE
    @Operation(operationId = "signOutOtherSessions", summary = "Sign out every other device", description = "Ends every session but this one, at once: their access tokens stop working on their next request.")
    @APIResponse(responseCode = "204", description = "Every other session signed out")
    public void signOutOthers() {
        sessions.revokeOthers(currentUser.requireAccountId(), currentUser.sessionId());
    }

    @DELETE
    @Path("/{sessionId}")
    @Operation(operationId = "signOutSession", summary = "Sign out one device", description = "Ends one of your sessions (a lost phone) at once. Ending the current one is the same as POST /api/v1/auth/logout. "
            + "Another member's session, or one that already ended, is 404.")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "400", ref = Responses.BAD_REQUEST, description = "Not a UUID")
    @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)
    public void signOut(@RestPath("sessionId") UUID sessionId) {
        sessions.revoke(currentUser.requireAccountId(), sessionId);
    }
}
