package id.qutab.zendit.sandbox;

/** An error answered as {@code {"error_code": ..., "message": ...}} with the given HTTP status. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String errorCode;

    ApiError(int status, String errorCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    static ApiError validation(String message) {
        return new ApiError(400, "API_VALIDATION_ERROR", message);
    }

    static ApiError invoiceNotFound(String id) {
        return new ApiError(404, "INVOICE_NOT_FOUND_ERROR", "Invoice not found: " + id);
    }
}
