package id.qutab.platform.security;

import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/** The caller, from the verified access token: {@code sub} is the identity user id. */
@RequestScoped
public class CurrentUser {

    /** The claim naming the session (identity's refresh token family) an access token was issued for. */
    public static final String SESSION_CLAIM = "sid";

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

    /** The session the token was issued for; empty for tokens without a (valid) {@code sid} claim. */
    public Optional<UUID> session() {
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

    public boolean isAdmin() {
        return jwt.getGroups() != null && jwt.getGroups().contains(Roles.ADMIN);
    }
}
