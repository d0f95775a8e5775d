package id.qutab.affiliate.support;

import id.qutab.platform.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** Who is calling, from the verified access token: {@code sub} is the identity user id. */
public final class Caller {

    private Caller() {
    }

    public static UUID id(JsonWebToken jwt) {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (RuntimeException e) {
            throw ProblemException.unauthorized("A valid access token is required.");
        }
    }
}
