package id.qutab.payout.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.platform.problem.ProblemException;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Bodies of the admin review endpoints. */
public final class ReviewRequests {

    private ReviewRequests() {
    }

    /** Optional body of verify: the version the admin reviewed; a newer one is a 409. */
    public record Verify(@Min(0) Integer detailsVersion) {
    }

    /**
     * Verify takes no body, or {@code {"detailsVersion": n}}: read by hand so that a bare POST (no content type)
     * is welcome and anything else is a 400.
     */
    static Integer expectedVersion(ObjectMapper json, byte[] body) {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            throw ProblemException.badRequest("The request body is not valid JSON of the expected shape.");
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.badRequest("The request body must be a JSON object.");
        }
        JsonNode version = node.get("detailsVersion");
        if (version == null || version.isNull()) {
            return null;
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() < 0) {
            throw ProblemException.invalid("detailsVersion", "must be a whole number, 0 or more");
        }
        return version.asInt();
    }

    public record Reject(@NotBlank @Size(max = 500) String reason) {
    }
}
