package id.qutab.affiliate.applications;

import id.qutab.affiliate.portal.ProfilePhotos;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import id.qutab.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** Admins review applications and manage affiliates. */
@Path("/api/admin/affiliates")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminAffiliateResource {

    @Inject
    Affiliates affiliates;

    @Inject
    AffiliateViews views;

    @Inject
    AffiliateReview review;

    @Inject
    ProfilePhotos photos;

    @Inject
    CurrentUser user;

    /** {@code ?status=PENDING|APPROVED|REJECTED|SUSPENDED&q=&page=&size=}, newest first. */
    @GET
    @Transactional
    public Page<AffiliateViews.Item> list(@QueryParam("status") String status, @QueryParam("q") String q,
                                          @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        if (q != null && q.length() > 100) {
            throw ProblemException.invalid("q", "must be at most 100 characters");
        }
        return views.page(affiliates.search(AffiliateStatus.parse(status), q, PageRequest.of(page, size)));
    }

    @GET
    @Path("/{id}")
    @Transactional
    public AffiliateViews.Detail detail(@PathParam("id") UUID id) {
        return views.detail(affiliates.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Affiliate")));
    }

    /** Body {@code {code?}}: a custom code, or none for a generated one. Taken → 409. */
    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public AffiliateViews.Detail approve(@PathParam("id") UUID id, @Valid Decisions.Approve body) {
        return review.approve(user.id(), id, body == null ? null : body.code());
    }

    /** The same without a body (no content type): a generated code. */
    @POST
    @Path("/{id}/approve")
    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    public AffiliateViews.Detail approveWithoutBody(@PathParam("id") UUID id) {
        return review.approve(user.id(), id, null);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public AffiliateViews.Detail reject(@PathParam("id") UUID id, @Valid @NotNull Decisions.Reject body) {
        return review.reject(id, body.reason());
    }

    @POST
    @Path("/{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    public AffiliateViews.Detail suspend(@PathParam("id") UUID id, @Valid @NotNull Decisions.Suspend body) {
        return review.suspend(id, body.reason());
    }

    @POST
    @Path("/{id}/reinstate")
    public AffiliateViews.Detail reinstate(@PathParam("id") UUID id) {
        return review.reinstate(id);
    }

    @GET
    @Path("/{id}/photo")
    @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @Transactional
    public Response photo(@PathParam("id") UUID id) {
        Affiliate affiliate = affiliates.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Affiliate"));
        return photos.serve(affiliate);
    }
}
