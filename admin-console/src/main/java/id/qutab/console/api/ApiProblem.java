package id.qutab.console.api;

import java.util.List;

/**
 * An API answer that is not a success, as the admin should read it: the problem's {@code detail} (API.md: every
 * error is problem+json) and its field errors. Pages show it; nothing is swallowed.
 */
public class ApiProblem extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    public ApiProblem(int status, String title, String detail, List<FieldError> errors) {
        super(status + " " + title);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One line for a flash message: the detail, then each field error. */
    public String describe() {
        StringBuilder text = new StringBuilder(detail == null || detail.isBlank() ? title : detail);
        for (FieldError error : errors) {
            text.append(" · ").append(error.field()).append(": ").append(error.message());
        }
        return text.toString();
    }
}
