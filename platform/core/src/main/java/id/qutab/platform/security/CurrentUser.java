package id.qutab.platform.security;

import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** The caller, from the verified access token: {@code sub} is the identity user id. */
@RequestScoped
public class CurrentUser {

    @Inject
    JsonWebToken jwt;

    public UUID id() {
        String subject = jwt.getSubject();
        if (subject == null) {
            throw ProblemException.unauthorized("A valid access token is required.");
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthorized("The access token has no valid subject.");
        }
    }

    public boolean isAdmin() {
        return jwt.getGroups() != null && jwt.getGroups().contains(Roles.ADMIN);
    }
}
