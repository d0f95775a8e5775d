package id.qutab.affiliate.applications;

import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** The calling affiliate, found by the token's {@code sub}. Every portal read is scoped to it. */
@RequestScoped
public class CurrentAffiliate {

    @Inject
    CurrentUser user;

    @Inject
    Affiliates affiliates;

    public UUID userId() {
        return user.id();
    }

    /** The caller's affiliate record whatever its status; 404 when they never applied. */
    public Affiliate any() {
        return affiliates.byUser(userId()).orElseThrow(() -> ProblemException.notFound("Affiliate account"));
    }

    /** The caller as an approved (possibly since suspended) affiliate; 403 while the application is open or rejected. */
    public Affiliate approved() {
        Affiliate affiliate = any();
        if (!affiliate.status.hasBeenApproved()) {
            throw new ProblemException(id.qutab.platform.problem.Problem.of(403, "not-approved", "Forbidden",
                    "The affiliate application has not been approved."));
        }
        return affiliate;
    }
}
