package id.qutab.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import id.qutab.platform.http.RequestIdHeader;
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

import java.util.Comparator;
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
        LOG.errorf(e, "request %s failed", requestId(request));
        return respond(internal(), request);
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
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String field = path((JsonMappingException) e);
            if (!field.isEmpty()) {
                return problem.withErrors(List.of(new Problem.FieldError(field, "wrong type or value")));
            }
        }
        return problem;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
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
