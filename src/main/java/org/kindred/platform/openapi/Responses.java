package org.kindred.platform.openapi;

/**
 * Names of the shared parts of the OpenAPI components: error responses for {@code @APIResponse(ref = ...)}, headers
 * and parameters.
 */
public final class Responses {
    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String NOT_ACCEPTABLE = "NotAcceptable";
    public static final String PRECONDITION_FAILED = "PreconditionFailed";
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String UNPROCESSABLE = "UnprocessableContent";
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";
    public static final String INTERNAL_SERVER_ERROR = "InternalServerError";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    /** Shared response headers in the OpenAPI components (KindredOpenApiFilter adds them to every response). */
    public static final String RATE_LIMIT_HEADER = "RateLimit";
    public static final String RATE_LIMIT_POLICY_HEADER = "RateLimit-Policy";
    public static final String ALLOW_ORIGIN_HEADER = "Access-Control-Allow-Origin";

    /** The {@code Idempotency-Key} request header, for {@code @Parameter(ref = ...)} on {@code @Idempotent} operations. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The journal passphrase header (a parameter component) and the 401 of a protected journal (a response one). */
    public static final String JOURNAL_PASSPHRASE = "Kindred-Journal-Passphrase";
    public static final String JOURNAL_LOCKED = "JournalLocked";

    private Responses() {
    }
}
