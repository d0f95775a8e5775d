package id.qutab.whatsapp.sandbox;

/**
 * An error answered in the Graph API shape {@code {"error": {"message", "type", "code", "fbtrace_id"}}} with the given
 * HTTP status. The codes are the Cloud API's: 190 for a bad access token, 100 for an invalid parameter.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final int INVALID_TOKEN = 190;
    static final int INVALID_PARAMETER = 100;

    final int status;
    final String type;
    final int code;

    ApiError(int status, String type, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
    }

    static ApiError invalidParameter(String message) {
        return new ApiError(400, "OAuthException", INVALID_PARAMETER, "(#100) " + message);
    }

    static ApiError unauthorized(String message) {
        return new ApiError(401, "OAuthException", INVALID_TOKEN, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "GraphMethodException", INVALID_PARAMETER, message);
    }
}
