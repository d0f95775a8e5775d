package id.qutab.platform.problem;

import java.time.Duration;
import java.util.List;

/**
 * The one exception business code throws to answer with a problem: the status and slug say which rule
 * refused the request, the detail says it to a human, and never carries personal data or internals.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Duration retryAfter;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(Problem problem, Duration retryAfter) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(400, "bad-request", "Bad request", detail));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(400, "validation", "Validation failed", "The request has invalid fields.")
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "unauthorized", "Unauthorized", detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " was not found."));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail));
    }

    /** A well-formed request that a business rule refuses (422). */
    public static ProblemException rule(String slug, String detail) {
        return new ProblemException(Problem.of(422, slug, "Request refused", detail));
    }

    public static ProblemException tooManyRequests(Duration retryAfter) {
        return new ProblemException(Problem.of(429, "rate-limited", "Too many requests",
                "Too many attempts. Try again later."), retryAfter);
    }
}
