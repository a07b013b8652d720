package org.kindred.platform.error;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;

/**
 * The one place where exceptions become RFC 9457 problem+json responses. 4xx are expected and logged at DEBUG;
 * anything else is a bug, logged at ERROR with its stack trace and answered with a generic 500.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final java.util.regex.Pattern UUID_IN_PATH = java.util.regex.Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final org.kindred.platform.web.AllowedMethods allowedMethods;
    private final org.kindred.platform.db.DatabaseGate databaseGate;

    public ProblemMapper(org.kindred.platform.web.AllowedMethods allowedMethods,
            org.kindred.platform.db.DatabaseGate databaseGate) {
        this.allowedMethods = allowedMethods;
        this.databaseGate = databaseGate;
    }

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        LOG.debugf("%d %s on %s", e.status(), e.kind(), loggedPath(uri));
        Response.ResponseBuilder builder = Response.status(e.status())
                .entity(new Problem(Problem.TYPE_PREFIX + e.kind(), e.title(), e.status(), e.getMessage(),
                        uri.getPath(), e.errors(), e.extensions()));
        e.headers().forEach(builder::header);
        return problem(builder);
    }

    @ServerExceptionMapper({ConstraintViolationException.class, ResteasyReactiveViolationException.class})
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        boolean returnValue = e.getConstraintViolations().stream().anyMatch(v -> {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        });
        if (returnValue) {
            return internalError(e, uri);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> "body".equals(fieldOf(v))
                        ? new Problem.FieldError("body", "is required: send a JSON object")
                        : new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .distinct()
                .toList();
        return validation(errors, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return badRequest("malformed-json", "Malformed JSON",
                "The request body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")",
                uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return validation(List.of(new Problem.FieldError(jsonPath(e), "unknown field")), uri);
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        String message;
        if (e.getTargetType() != null && e.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.stream(e.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else {
            message = "must be " + describe(e.getTargetType());
        }
        return validation(List.of(new Problem.FieldError(jsonPath(e), message)), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String path = jsonPath(e);
        if (path.isEmpty()) {
            return badRequest("malformed-json", "Malformed JSON", "The request body must be a JSON object", uri);
        }
        return validation(List.of(new Problem.FieldError(path, "must be " + describe(e.getTargetType()))), uri);
    }

    @ServerExceptionMapper
    public Response invalidInstantiation(ValueInstantiationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof ApiException api) {
            return apiException(api, uri);
        }
        return validation(List.of(new Problem.FieldError(jsonPath(e), "is not a valid value")), uri);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return validation(List.of(new Problem.FieldError(jsonPath(mapping), "is not a valid value")), uri);
        }
        return badRequest("malformed-json", "Malformed JSON", "The request body is not valid JSON", uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        if (DatabaseOutage.recognises(e)) {
            // The session check could not reach the database: the token may be fine, so no 401 (clients sign out).
            return databaseOutage(e, uri);
        }
        return apiException(new UnauthorizedException("invalid-token",
                "The access token is missing, malformed, expired or revoked"), uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
        return apiException(new UnauthorizedException("unauthenticated",
                "This operation needs an access token (Authorization: Bearer ...)"), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return apiException(new ForbiddenException("You are not allowed to do this"), uri);
    }

    @ServerExceptionMapper
    public Response redirect(AuthenticationRedirectException e, UriInfo uri) {
        return unauthorized(new io.quarkus.security.UnauthorizedException(), uri);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return validation(List.of(new Problem.FieldError(e.parameter(), e.problem())), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof InvalidParameterException invalid) {
            return invalidParameter(invalid, uri);
        }
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return otherJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (e instanceof NotAllowedException) {
            Response.ResponseBuilder builder = Response.status(405).entity(problem(405, "method-not-allowed",
                    "Method not allowed", "This endpoint does not support the method used", uri));
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            builder.header(HttpHeaders.ALLOW, allow != null ? allow : allowedMethods.allowFor(uri.getPath()));
            return problem(builder);
        }
        if (e instanceof NotSupportedException) {
            return problem(Response.status(415).entity(problem(415, "unsupported-media-type",
                    "Unsupported media type", "Send the request body as application/json", uri)));
        }
        if (e instanceof NotAcceptableException) {
            return problem(Response.status(406).entity(problem(406, "not-acceptable", "Not acceptable",
                    "This endpoint answers with none of the media types your Accept header allows", uri)));
        }
        if (status == 404) {
            return problem(Response.status(404).entity(problem(404, "not-found", "Not found",
                    "There is nothing at this address", uri)));
        }
        if (status == 413) {
            return problem(Response.status(413).entity(problem(413, "payload-too-large", "Payload too large",
                    "The request body is larger than 64 KiB", uri)));
        }
        if (status >= 400 && status < 500) {
            return badRequest("bad-request", "Bad request", "The request could not be understood", uri);
        }
        if (DatabaseOutage.recognises(e)) {
            return databaseOutage(e, uri);
        }
        return internalError(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e.getCause() instanceof ApiException api) {
            return apiException(api, uri);
        }
        if (DatabaseOutage.recognises(e)) {
            return databaseOutage(e, uri);
        }
        return internalError(e, uri);
    }

    /**
     * A database out of reach (failover, restart, pool exhausted) is a 503 the client may retry, never a 500. An
     * unreachable database also opens the outage short circuit, so the next requests do not wait for it too.
     */
    private Response databaseOutage(Throwable e, UriInfo uri) {
        LOG.warnf("Database unavailable on %s: %s", loggedPath(uri), DatabaseOutage.describe(e));
        databaseGate.outageSeen(e);
        return apiException(new ServiceUnavailableException(org.kindred.platform.db.DatabaseGate.DETAIL,
                RETRY_AFTER_SECONDS), uri);
    }

    /** Long enough for a pod restart or a failover to finish, short enough that clients come back soon. */
    static final long RETRY_AFTER_SECONDS = org.kindred.platform.db.DatabaseGate.RETRY_AFTER_SECONDS;

    private Response internalError(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unhandled error on %s", loggedPath(uri));
        return problem(Response.status(500).entity(problem(500, "internal", "Internal error",
                "Something went wrong on our side; it has been logged", uri)));
    }

    /**
     * A 64 KiB body can break a rule thousands of times (an array of invalid items), and an unknown field's name is
     * the client's text: the answer lists at most this many errors, with field names of at most
     * {@link #MAX_FIELD_LENGTH} characters, so it stays small (the OpenAPI document states both limits).
     */
    static final int MAX_FIELD_ERRORS = 100;
    static final int MAX_FIELD_LENGTH = 200;

    /**
     * The request path with every UUID as {@code {id}}: a log line says which endpoint failed, never whose journal
     * entry, attachment, post or account it was (the request id ties the line to the request).
     */
    static String loggedPath(UriInfo uri) {
        return UUID_IN_PATH.matcher(uri.getPath()).replaceAll("{id}");
    }

    private static Response validation(List<Problem.FieldError> allErrors, UriInfo uri) {
        List<Problem.FieldError> errors = allErrors.stream().limit(MAX_FIELD_ERRORS)
                .map(f -> f.field().length() <= MAX_FIELD_LENGTH
                        ? f
                        : new Problem.FieldError(f.field().substring(0, MAX_FIELD_LENGTH - 3) + "...", f.message()))
                .toList();
        String detail = errors.stream().map(f -> f.field().isEmpty() ? f.message() : f.field() + ": " + f.message())
                .collect(Collectors.joining("; "))
                + (allErrors.size() > errors.size() ? "; and " + (allErrors.size() - errors.size()) + " more" : "");
        return problem(Response.status(400).entity(new Problem(Problem.TYPE_PREFIX + BadRequestException.VALIDATION,
                "Invalid request", 400, detail, uri.getPath(), errors, null)));
    }

    private static Response badRequest(String kind, String title, String detail, UriInfo uri) {
        return problem(Response.status(400).entity(problem(400, kind, title, detail, uri)));
    }

    private static Problem problem(int status, String kind, String title, String detail, UriInfo uri) {
        return new Problem(Problem.TYPE_PREFIX + kind, title, status, detail, uri.getPath(), null, null);
    }

    private static Response problem(Response.ResponseBuilder builder) {
        return builder.type(ProblemMediaType.APPLICATION_PROBLEM_JSON).build();
    }

    /** A JSON-pointer-like path, e.g. {@code languages[1]} or {@code organization.url}. */
    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Drops the method and body-parameter nodes: {@code register.request.handle} becomes {@code handle}. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        boolean bodyParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                bodyParameter = isBody(violation, node);
                if (!bodyParameter) {
                    parts.add(node.getName());
                }
                continue;
            }
            if (kind == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null && !parts.isEmpty()) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
                }
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !parts.isEmpty() && name == null) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
            } else if (name != null) {
                if (node.isInIterable() && node.getIndex() != null && !parts.isEmpty()) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
                }
                parts.add(name);
            }
        }
        if (parts.isEmpty()) {
            return bodyParameter ? "body" : "";
        }
        return String.join(".", parts);
    }

    /** Request bodies are named {@code request} or {@code body} and paging containers {@code page}; other parameters carry their HTTP name. */
    private static boolean isBody(ConstraintViolation<?> violation, Path.Node node) {
        String name = node.getName();
        return "request".equals(name) || "body".equals(name) || "page".equals(name);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "an RFC 3339 timestamp";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a valid value";
    }
}
