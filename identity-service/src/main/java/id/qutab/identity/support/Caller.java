package id.qutab.identity.support;

import id.qutab.platform.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/** Who is calling, from the verified access token. */
public final class Caller {

    /** The claim naming the session (refresh token family) an access token was issued for. */
    public static final String SESSION_CLAIM = "sid";

    private Caller() {
    }

    public static UUID id(JsonWebToken jwt) {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (RuntimeException e) {
            throw ProblemException.unauthorized("A valid access token is required.");
        }
    }

    public static Optional<UUID> session(JsonWebToken jwt) {
        Object sid = jwt.getClaim(SESSION_CLAIM);
        if (sid == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(sid.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
