package id.qutab.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import id.qutab.platform.http.RequestIdHeader;
import id.qutab.platform.tx.SqlStates;
import id.qutab.platform.tx.TransactionContention;
import id.qutab.platform.web.NulCharacters;
import id.qutab.platform.web.StrictParamConverterProvider.InvalidParameterException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem. Details shown to clients are ours, never an exception
 * message from a library, and never a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    ObjectMapper json;

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        Response.ResponseBuilder response = builder(e.problem(), request);
        if (e.retryAfter() != null) {
            // Round up: a client that waits the advertised seconds must not be refused again.
            response.header("Retry-After", Math.max(1, (e.retryAfter().toMillis() + 999) / 1000));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .collect(Collectors.toList());
        return respond(Problem.of(400, "validation", "Validation failed", "The request has invalid fields.")
                .withErrors(errors), request);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        return respond(unreadable(e), request);
    }

    // Quarkus REST ships mappers for these exact types; closer types win, so ours are declared too.
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, HttpServerRequest request) {
        return respond(unreadable(e), request);
    }

    @ServerExceptionMapper
    public Response invalidJsonValue(InvalidFormatException e, HttpServerRequest request) {
        return respond(unreadable(e), request);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e, HttpServerRequest request) {
        return respond(unreadable(e), request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "You may not do this."), request);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, HttpServerRequest request) {
        if (e.name() == null) {
            return respond(Problem.of(400, "bad-request", "Bad request", "A parameter is not valid: " + e.reason() + "."),
                    request);
        }
        return respond(Problem.of(400, "validation", "Validation failed", "The request has invalid fields.")
                .withErrors(List.of(new Problem.FieldError(e.name(), e.reason()))), request);
    }

    /** Every attempt lost to concurrent transactions (the platform already retried it): busy, not broken. */
    @ServerExceptionMapper
    public Response contention(TransactionContention e, HttpServerRequest request) {
        LOG.warnf("request %s: %s", requestId(request), e.getMessage());
        return busy(request);
    }

    /**
     * Reading the body failed: a multipart body cut before its closing boundary, a connection that ended early.
     * The client's request is broken (400). Any other I/O failure is ours (500).
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, HttpServerRequest request) {
        if (whileReadingTheRequest(e)) {
            return respond(incompleteBody(e), request);
        }
        return unexpected(e, request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException jsonError) {
            return respond(unreadable(jsonError), request);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request %s failed with %d", requestId(request), status);
            return respond(internal(), request);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return respond(Problem.of(status, slug(title), title, detailFor(status)), request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (whileReadingTheRequest(e)) {
            return respond(incompleteBody(e), request);
        }
        String sqlState = SqlStates.of(e);
        if (sqlState != null) {
            Response answer = databaseRefusal(sqlState, e, request);
            if (answer != null) {
                return answer;
            }
        }
        LOG.errorf(e, "request %s failed", requestId(request));
        return respond(internal(), request);
    }

    /**
     * The database refused the data, not our code failing: answered as a 4xx (or 503 when busy), never with the
     * database's words (they quote SQL, tables and values). Still logged with the SQLSTATE, since a class-22 error
     * may also mean a missing validation. Service-to-service calls ({@code /internal/...}) keep their 500 for
     * these, except contention.
     */
    private Response databaseRefusal(String sqlState, Throwable e, HttpServerRequest request) {
        if (SqlStates.isRetryable(sqlState) || "55P03".equals(sqlState)) {
            LOG.warnf("request %s: database contention, SQLSTATE %s (%s)", requestId(request), sqlState,
                    e.getClass().getName());
            return busy(request);
        }
        if (request != null && request.path() != null && request.path().startsWith("/internal/")) {
            // An event is not client input: a refusal while applying it is a race or our bug. A 4xx would tell the
            // relay the event itself is bad and dead-letter it at once; a 500 makes it retry.
            return null;
        }
        if (sqlState.startsWith("22")) {
            LOG.warnf("request %s: data refused by the database, SQLSTATE %s (%s)", requestId(request), sqlState,
                    e.getClass().getName());
            return respond(Problem.of(400, "invalid-data", "Invalid data",
                    "A value in the request cannot be stored: too long, out of range or not valid text."), request);
        }
        if (sqlState.startsWith("23")) {
            LOG.warnf("request %s: integrity constraint, SQLSTATE %s (%s)", requestId(request), sqlState,
                    e.getClass().getName());
            return respond(Problem.of(409, "data-conflict", "Conflict",
                    "The request conflicts with data that already exists or is referenced."), request);
        }
        return null;
    }

    private Response busy(HttpServerRequest request) {
        return builder(Problem.of(503, "contention", "Busy",
                "The request collided with concurrent changes and nothing was applied. Send it again."), request)
                .header("Retry-After", 1)
                .build();
    }

    private static boolean whileReadingTheRequest(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String at = frame.getClassName();
            if (at.startsWith("org.jboss.resteasy.reactive.server.core.multipart.")
                    || at.equals("org.jboss.resteasy.reactive.server.handlers.FormBodyHandler")) {
                return true;
            }
        }
        return false;
    }

    private static Problem incompleteBody(Throwable e) {
        if (e.getClass().getSimpleName().equals("FileTooLargeException")) {
            return Problem.of(413, "payload-too-large", "Payload too large", "An uploaded file is too large.");
        }
        return Problem.of(400, "malformed-body", "Malformed request body",
                "The request body is incomplete or malformed (a multipart body must end with its closing boundary).");
    }

    private Response unauthenticated(HttpServerRequest request) {
        return builder(Problem.of(401, "unauthorized", "Unauthorized", "A valid access token is required."), request)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static Problem internal() {
        return Problem.of(500, "internal", "Internal error", "Something went wrong on our side. It has been logged.");
    }

    private static Problem unreadable(JsonProcessingException e) {
        Problem problem = Problem.of(400, "malformed-body", "Malformed request body",
                "The request body is not valid JSON of the expected shape.");
        if (e instanceof UnrecognizedPropertyException unknown) {
            return problem.withErrors(List.of(new Problem.FieldError(path(unknown), "unknown field")));
        }
        if (e instanceof NulCharacters.RefusedException nul) {
            return problem.withErrors(List.of(new Problem.FieldError(path(nul), "must not contain a NUL character")));
        }
        StreamReadException duplicate = duplicateKey(e);
        if (duplicate != null) {
            // Jackson has no exception type of its own for this; its parser still points at the repeated key.
            return problem.withErrors(List.of(new Problem.FieldError(
                    path(duplicate.getProcessor().getParsingContext()), "given more than once")));
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String field = path((JsonMappingException) e);
            if (!field.isEmpty()) {
                return problem.withErrors(List.of(new Problem.FieldError(field, "wrong type or value")));
            }
        }
        return problem;
    }

    /** The duplicate-key error in this chain (a map or collection deserializer wraps it with its path). */
    private static StreamReadException duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException read && read.getProcessor() != null
                    && read.getOriginalMessage() != null && read.getOriginalMessage().startsWith("Duplicate field '")) {
                return read;
            }
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? printable(ref.getFieldName()) : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst(printable(c.getCurrentName()));
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    /** A field name is echoed to the client: without control characters (a NUL in a key, say). */
    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    /** {@code register.arg0.email} → {@code email}: clients know fields, not Java method parameters. */
    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        int index = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            index++;
            if (index <= 2 && (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER)) {
                if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                    field.setLength(0);
                }
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request is not valid.";
            case 401 -> "A valid access token is required.";
            case 403 -> "You may not do this.";
            case 404 -> "There is nothing here.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "No acceptable representation.";
            case 413 -> "The request body is too large.";
            case 415 -> "This content type is not supported here.";
            default -> "The request could not be handled.";
        };
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private Response respond(Problem problem, HttpServerRequest request) {
        return builder(problem, request).build();
    }

    private Response.ResponseBuilder builder(Problem problem, HttpServerRequest request) {
        Problem located = problem.at(request == null ? null : request.path(), requestId(request));
        try {
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(json.writeValueAsString(located));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document must always serialize", e);
        }
    }

    private static String requestId(HttpServerRequest request) {
        return request == null ? null : request.response().headers().get(RequestIdHeader.NAME);
    }
}
