package org.kindred.platform.openapi;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
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
        Lists are cursor-paginated (`limit` 1-100, default 20; `nextCursor` and `prevCursor`; one `Link` header \
        with `rel="next"` and `rel="prev"`). A previous page is always a full page: near the start of a list it is \
        the first page (no `prevCursor`). \
        Creating POSTs accept `Idempotency-Key`. Mutable resources carry an `ETag`; PATCH honours `If-Match` (412). \
        Every operation is rate-limited: its responses carry `RateLimit-Policy` and `RateLimit` headers (IETF draft) \
        and a 429 adds `Retry-After`. \
        Request bodies are limited to 64 KiB (413), journal attachment uploads to 10 MiB. Every response carries an `X-Request-Id`: the one you sent \
        (1-64 letters, digits, `.`, `_`, `-`) or a new one; quote it when you report a problem.
        """, contact = @Contact(name = "Kindred maintainers"), license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")), servers = @Server(url = "/", description = """
        Whichever deployment serves this document (production, staging or a local development one): paths are \
        relative to its origin. Production deployments are reached over HTTPS (see k8s/prod/ingress.yaml).""", extensions = @Extension(name = "x-internal", value = "false", parseValue = true)), tags = {
        @Tag(name = "Auth", description = "Registration, sign-in, token refresh and sign-out"),
        @Tag(name = "Me", description = "Your own account and preferences"),
        @Tag(name = "Accounts", description = "Public profiles of members"),
        @Tag(name = "Community", description = "Community guidelines"),
        @Tag(name = "Admin", description = "Platform administration (admins only)"),
        @Tag(name = "Resources", description = "The curated resource library: helplines, crisis lines, where to report, legal aid, guides"),
        @Tag(name = "Complaint pathways", description = "Where and how to complain about discrimination, per jurisdiction, and the deadlines for an incident (public; not legal advice; entries say `verified: false` until a curator has checked them against their official source, which none has yet)"),
        @Tag(name = "Feeds", description = "JSON Feed and Atom feeds of the library for partner sites (public, any origin)"),
        @Tag(name = "Partners", description = "Partner organisations and their API keys (admins only)"),
        @Tag(name = "Journal", description = "Your private incident journal: entries with every version, attachments, deadlines and reminders. "
                + "Only you can read it through the API. It is encrypted at rest with a data key of your own, which the service keeps wrapped by its "
                + "key-encryption key, so whoever runs the service with that key could decrypt it, unless you set a **journal passphrase** "
                + "(`PUT /api/v1/me/journal/passphrase`): then the data key is also sealed with a key derived from it (Argon2id), and every request "
                + "that reads or changes your journal must send it in `Kindred-Journal-Passphrase`. Nobody can recover a lost passphrase, the "
                + "service's operators included: **losing it loses your journal**. Reminder dates are stored unencrypted so "
                + "reminders can be sent, with or without a passphrase (see `PUT /api/v1/me/journal/entries/{entryId}/reminders`)"),
        @Tag(name = "Evidence", description = "Your incident journal as signed evidence (JSON with a detached JWS, or PDF), and public verification of such exports with the service's evidence keys")
}, components = @Components(schemas = {
        // Single-value string kinds (see ApiTypes): @CountryCode (CountryCodeValidator) and the handle's pattern.
        @Schema(name = ApiTypes.COUNTRY_CODE, type = SchemaType.STRING, minLength = 2, maxLength = 2, pattern = ApiTypes.COUNTRY_CODE_PATTERN, description = "ISO 3166-1 alpha-2 country code in upper case (assigned codes only)", example = "GB"),
        @Schema(name = ApiTypes.HANDLE, type = SchemaType.STRING, minLength = 3, maxLength = 30, pattern = ApiTypes.HANDLE_PATTERN, description = "A member's public pseudonym: 3 to 30 characters of `a-z`, `0-9` and `_`", example = "amara_k")
}, securitySchemes = {
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT", description = "Access token from /api/v1/auth/login, /register or /refresh: a JWT signed with RS256 by this service, valid for at most 15 minutes. "
                + "Issued and verified following RFC8725 (JWT Best Current Practices): only RS256 and only this service's keys (selected by `kid`, published at /.well-known/jwks.json), "
                + "`alg: none` and HMAC refused, issuer and audience checked, `exp`, `iat`, `jti`, `sub` and `sid` required. Signing out or suspension revokes it at once."),
        @SecurityScheme(securitySchemeName = "partnerKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, apiKeyName = "X-Api-Key", description = "API key of a partner organisation")
}, headers = {
        @Header(name = Responses.RATE_LIMIT_HEADER, description = "IETF draft RateLimit header: of the limits that apply, the one closest to exhaustion, with `r` the requests left and `t` the seconds until it is full again, "
                + "e.g. `\"read-ip\";r=1194;t=60`. Sent on responses to every request the rate limiter counted; a request refused before that (a body over 64 KiB, no matching endpoint) gets none.", schema = @Schema(type = SchemaType.STRING, maxLength = 100, pattern = "^\"[a-z-]+\";r=[0-9]+;t=[0-9]+$")),
        @Header(name = Responses.RATE_LIMIT_POLICY_HEADER, description = "IETF draft RateLimit-Policy header: the policy reported in `RateLimit`, with `q` requests per window of `w` seconds, "
                + "e.g. `\"read-ip\";q=1200;w=60`. Policies are per action class and per IP address or account (`login-ip`, `write-account`, ...), or `partner-key` for requests made with a partner API key.", schema = @Schema(type = SchemaType.STRING, maxLength = 100, pattern = "^\"[a-z-]+\";q=[0-9]+;w=[0-9]+$")),
        @Header(name = Responses.ALLOW_ORIGIN_HEADER, description = "CORS, on requests from browsers (with an `Origin` header): the API echoes the origins the deployment allows (`KINDRED_CORS_ORIGINS`) "
                + "and answers other origins with 403; the feeds under /api/v1/feeds allow any origin (`*`). Credentials (cookies) are never allowed.", schema = @Schema(type = SchemaType.STRING, maxLength = 2048))
}, parameters = {
        @Parameter(name = Responses.IDEMPOTENCY_KEY, in = ParameterIn.HEADER, description = "Makes a retry safe: the same key with the same body within 24 hours gets the original response again "
                + "(with `Idempotent-Replayed: true`) instead of creating a second one; the same key with another body is a 422. A retry sent while the first request is still running waits for it (up to 3 seconds) and is answered with its response; "
                + "it is a 409 (`idempotency-key-in-progress`) only when the first request is still running after the wait (a retry after the first request failed or died unanswered, e.g. in a database outage, runs as new). "
                + "Keys belong to the signed-in account (or the partner organisation); use a new random key (e.g. a UUID) for every new request.", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255, pattern = "^[\\x21-\\x7E]{1,255}$"), example = "6f1c2b7e-3f0a-4a59-9a51-2f6b1d0c8e47"),
        @Parameter(name = Responses.JOURNAL_PASSPHRASE, in = ParameterIn.HEADER, description = "Your journal passphrase, when you set one (`PUT /api/v1/me/journal/passphrase`): "
                + "the base64url encoding (RFC 4648 §5, padding optional) of its UTF-8 bytes, so a passphrase in any script fits an HTTP header. "
                + "Required by every request that reads or changes a protected journal (401 `journal-locked` without it, 401 `wrong-journal-passphrase` "
                + "when it does not open the journal; wrong ones count against the PASSWORD rate limit, then 429). Ignored for a journal without a passphrase. "
                + "Never put it in a URL; the service never logs or stores it.", schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 6144, pattern = "^[A-Za-z0-9_=+/-]+$"), example = "a2V0dGxlIG9yYml0IHRoaW1ibGUgbGFudGVybg")
}, responses = {
        @APIResponse(name = Responses.JOURNAL_LOCKED, responseCode = "401", description = "No valid access token (`invalid-token`, `WWW-Authenticate: Bearer`); or your journal has a passphrase and the "
                + "request did not send it (`journal-locked`) or sent a wrong one (`wrong-journal-passphrase`), both with `WWW-Authenticate: Kindred-Journal-Passphrase`: "
                + "do not sign the member out for these two, ask for the passphrase", headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = {
                        @ExampleObject(name = "journal-locked", value = """
                                {"type":"urn:kindred:problem:journal-locked","title":"Journal locked","status":401,\
                                "detail":"Your journal is protected by your journal passphrase: send it in the Kindred-Journal-Passphrase header (base64url of its UTF-8 bytes)",\
                                "instance":"/api/v1/me/journal/entries"}"""),
                        @ExampleObject(name = "wrong-journal-passphrase", value = """
                                {"type":"urn:kindred:problem:wrong-journal-passphrase","title":"Wrong journal passphrase","status":401,\
                                "detail":"This is not your journal passphrase. Wrong guesses are limited like password checks","instance":"/api/v1/me/journal/entries"}""")})),
        @APIResponse(name = Responses.BAD_REQUEST, responseCode = "400", description = "Malformed JSON, or a field or parameter is invalid", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "validation", value = """
                {"type":"urn:kindred:problem:validation","title":"Invalid request","status":400,\
                "detail":"handle: must be 3 to 30 characters of a-z, 0-9 and _","instance":"/api/v1/auth/register",\
                "errors":[{"field":"handle","message":"must be 3 to 30 characters of a-z, 0-9 and _"}]}"""))),
        @APIResponse(name = Responses.UNAUTHORIZED, responseCode = "401", description = "No access token, or one that is invalid, expired or revoked", headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid-token", value = """
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
        @APIResponse(name = Responses.NOT_ACCEPTABLE, responseCode = "406", description = "`Accept` allows none of the media types the operation answers with", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not-acceptable", value = """
                {"type":"urn:kindred:problem:not-acceptable","title":"Not acceptable","status":406,\
                "detail":"This endpoint answers with none of the media types your Accept header allows","instance":"/api/v1/me/journal/export"}"""))),
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
        @APIResponse(name = Responses.TOO_MANY_REQUESTS, responseCode = "429", description = "Rate limited; retry after the given number of seconds", headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "rate-limited", value = """
                {"type":"urn:kindred:problem:rate-limited","title":"Too many requests","status":429,\
                "detail":"Too many requests of this kind; try again in 42 seconds","instance":"/api/v1/auth/login"}"""))),
        @APIResponse(name = Responses.INTERNAL_SERVER_ERROR, responseCode = "500", description = "An unexpected error on our side; it has been logged. Quote the response's `X-Request-Id` when you report it.", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "internal", value = """
                {"type":"urn:kindred:problem:internal","title":"Internal error","status":500,\
                "detail":"Something went wrong on our side; it has been logged","instance":"/api/v1/groups"}"""))),
        @APIResponse(name = Responses.SERVICE_UNAVAILABLE, responseCode = "503", description = "Temporarily unable to serve; retry after the given number of seconds", headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unavailable", value = """
                {"type":"urn:kindred:problem:unavailable","title":"Service unavailable","status":503,\
                "detail":"Too many sign-ins at once; try again in a few seconds","instance":"/api/v1/auth/login"}""")))
}))
public class KindredApiDefinition extends Application {
}
