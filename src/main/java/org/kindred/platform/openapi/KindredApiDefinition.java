package org.kindred.platform.openapi;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.kindred.platform.error.Problem;

/**
 * The document-level parts of the OpenAPI description: info, tags, security schemes and the shared error
 * responses that operations reference by name (e.g. {@code @APIResponse(responseCode = "404", ref = Responses.NOT_FOUND)}).
 */
@OpenAPIDefinition(info = @Info(title = "Kindred API", version = "1.0.0", description = """
        Peer support for people coping with discrimination: groups of people who share an identity and \
        experience, stories told without judgment, and practical help (reporting, complaints, legal aid, \
        helplines).

        **Conventions.** JSON in and out, camelCase, RFC 3339 UTC timestamps, UUID ids. Errors are RFC 9457 \
        `application/problem+json` with a stable `type` URI (`urn:kindred:problem:<kind>`); field validation \
        errors are 400 with `errors: [{field, message}]` (malformed JSON, wrong types, unknown enum values, \
        unknown fields, values out of range); 422 is reserved for well-formed requests refused by a content \
        rule (a reused Idempotency-Key, a group keyword rule). 404 also means "exists but not visible to you". \
        Lists are cursor-paginated (`limit` 1-100, default 20; `nextCursor`; `Link: rel="next"`). \
        Creating POSTs accept `Idempotency-Key`. Mutable resources carry an `ETag`; PATCH honours `If-Match` (412). \
        Every response carries `RateLimit-Policy` and `RateLimit` headers (IETF draft); 429 adds `Retry-After`. \
        Request bodies are limited to 64 KiB (413). Every response carries an `X-Request-Id`: the one you sent \
        (1-64 letters, digits, `.`, `_`, `-`) or a new one; quote it when you report a problem.
        """, contact = @Contact(name = "Kindred maintainers"), license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")), tags = {
        @Tag(name = "Auth", description = "Registration, sign-in, token refresh and sign-out"),
        @Tag(name = "Me", description = "Your own account and preferences"),
        @Tag(name = "Accounts", description = "Public profiles of members"),
        @Tag(name = "Community", description = "Community guidelines"),
        @Tag(name = "Admin", description = "Platform administration (admins only)"),
        @Tag(name = "Resources", description = "The curated resource library: helplines, crisis lines, where to report, legal aid, guides"),
        @Tag(name = "Feeds", description = "JSON Feed and Atom feeds of the library for partner sites (public, any origin)"),
        @Tag(name = "Partners", description = "Partner organisations and their API keys (admins only)")
}, components = @Components(securitySchemes = {
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT", description = "Access token from /api/v1/auth/login, /register or /refresh (RS256, at most 15 minutes)"),
        @SecurityScheme(securitySchemeName = "partnerKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, apiKeyName = "X-Api-Key", description = "API key of a partner organisation")
}, responses = {
        @APIResponse(name = Responses.BAD_REQUEST, responseCode = "400", description = "Malformed JSON, or a field or parameter is invalid", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "validation", value = """
                {"type":"urn:kindred:problem:validation","title":"Invalid request","status":400,\
                "detail":"handle: must be 3 to 30 characters of a-z, 0-9 and _","instance":"/api/v1/auth/register",\
                "errors":[{"field":"handle","message":"must be 3 to 30 characters of a-z, 0-9 and _"}]}"""))),
        @APIResponse(name = Responses.UNAUTHORIZED, responseCode = "401", description = "No access token, or one that is invalid, expired or revoked", headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)), content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid-token", value = """
                {"type":"urn:kindred:problem:invalid-token","title":"Unauthorized","status":401,\
                "detail":"The access token is missing, malformed, expired or revoked","instance":"/api/v1/me"}"""))),
        @APIResponse(name = Responses.FORBIDDEN, responseCode = "403", description = "You may see this, but not do this", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = """
                {"type":"urn:kindred:problem:forbidden","title":"Not allowed","status":403,\
                "detail":"You are not allowed to do this","instance":"/api/v1/admin/accounts/7c1e..."}"""))),
        @APIResponse(name = Responses.NOT_FOUND, responseCode = "404", description = "Does not exist, or is not visible to you", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not-found", value = """
                {"type":"urn:kindred:problem:not-found","title":"Not found","status":404,\
                "detail":"No member with this handle","instance":"/api/v1/accounts/nobody"}"""))),
        @APIResponse(name = Responses.CONFLICT, responseCode = "409", description = "Conflicts with the current state (a duplicate, or the wrong state for this action)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "duplicate", value = """
                {"type":"urn:kindred:problem:duplicate","title":"Already in use","status":409,\
                "detail":"An account with this e-mail or handle already exists","instance":"/api/v1/auth/register",\
                "errors":[{"field":"handle","message":"is already taken"}]}"""))),
        @APIResponse(name = Responses.PRECONDITION_FAILED, responseCode = "412", description = "If-Match does not match the current ETag", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "precondition-failed", value = """
                {"type":"urn:kindred:problem:precondition-failed","title":"Precondition failed","status":412,\
                "detail":"The resource has changed since you read it; fetch it again and retry with the new ETag","instance":"/api/v1/me"}"""))),
        @APIResponse(name = Responses.PAYLOAD_TOO_LARGE, responseCode = "413", description = "Request body over 64 KiB", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "payload-too-large", value = """
                {"type":"urn:kindred:problem:payload-too-large","title":"Payload too large","status":413,\
                "detail":"The request body is larger than 64 KiB","instance":"/api/v1/me"}"""))),
        @APIResponse(name = Responses.UNSUPPORTED_MEDIA_TYPE, responseCode = "415", description = "Body sent with a media type other than JSON", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unsupported-media-type", value = """
                {"type":"urn:kindred:problem:unsupported-media-type","title":"Unsupported media type","status":415,\
                "detail":"Send the request body as application/json","instance":"/api/v1/auth/login"}"""))),
        @APIResponse(name = Responses.UNPROCESSABLE, responseCode = "422", description = "Well-formed, but refused by a rule (e.g. an Idempotency-Key reused for a different request)", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "idempotency-key-reused", value = """
                {"type":"urn:kindred:problem:idempotency-key-reused","title":"Idempotency key reused","status":422,\
                "detail":"This Idempotency-Key was already used for a different request; use a new key for a new request",\
                "instance":"/api/v1/groups"}"""))),
        @APIResponse(name = Responses.TOO_MANY_REQUESTS, responseCode = "429", description = "Rate limited; retry after the given number of seconds", headers = {
                @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER)),
                @Header(name = "RateLimit-Policy", description = "IETF draft, e.g. `\"login-ip\";q=10;w=60`", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
                @Header(name = "RateLimit", description = "IETF draft, e.g. `\"login-ip\";r=0;t=42`", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))}, content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "rate-limited", value = """
                        {"type":"urn:kindred:problem:rate-limited","title":"Too many requests","status":429,\
                        "detail":"Too many requests of this kind; try again in 42 seconds","instance":"/api/v1/auth/login"}"""))),
        @APIResponse(name = Responses.SERVICE_UNAVAILABLE, responseCode = "503", description = "Temporarily unable to serve; retry after the given number of seconds", headers = @Header(name = "Retry-After", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER)), content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unavailable", value = """
                {"type":"urn:kindred:problem:unavailable","title":"Service unavailable","status":503,\
                "detail":"Too many sign-ins at once; try again in a few seconds","instance":"/api/v1/auth/login"}""")))
}))
public class KindredApiDefinition extends Application {
}
