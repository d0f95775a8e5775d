package id.qutab.payout.support;

import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** Who is calling: the verified token's subject, which identity-service sets to the user id. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    public UUID userId() {
        String subject = jwt.getSubject();
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.forbidden("The access token does not name a user.");
        }
    }
}
