package org.kindred.platform.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/.well-known/jwks.json")
@Tag(name = "Auth")
@PermitAll
public class JwksResource {

    private final JwtKeys keys;

    public JwksResource(JwtKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces("application/jwk-set+json")
    @SecurityRequirements
    @Operation(operationId = "getJwks", summary = "Public keys that verify access tokens", description = "JWK Set (RFC 7517) of the RSA keys whose private halves sign access tokens (RS256). "
            + "Select the key by the token's `kid`. During key rotation the set holds the old and the new key.")
    @APIResponse(responseCode = "200", description = "The key set", content = @Content(mediaType = "application/jwk-set+json", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT), examples = @ExampleObject(name = "keys", value = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"2026-11-23\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"0vx7...\",\"e\":\"AQAB\"}]}")))
    public RestResponse<String> jwks() {
        return RestResponse.ResponseBuilder.ok(keys.jwksJson()).header("Cache-Control", "public, max-age=300").build();
    }
}
