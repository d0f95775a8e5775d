package id.qutab.affiliate.portal;

import id.qutab.affiliate.applications.CurrentAffiliate;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The caller's affiliate profile (available from the application on, so applicants can complete it while they
 * wait): {@code GET}, {@code PATCH}, and the photo — {@code POST /photo} (multipart field {@code file}, JPEG or
 * PNG by content, ≤ 2 MB), {@code GET /photo}, {@code DELETE /photo}.
 */
@Path("/api/affiliate/profile")
@RolesAllowed(Roles.AFFILIATE)
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    @Inject
    CurrentAffiliate current;

    @Inject
    AffiliateProfiles profiles;

    @Inject
    ProfilePhotos photos;

    @GET
    @Transactional
    public PortalViews.Profile get() {
        return profiles.view(current.any().id);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public PortalViews.Profile update(@Valid @NotNull ProfileUpdate update) {
        return profiles.update(affiliateId(), update);
    }

    @POST
    @Path("/photo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public PortalViews.Profile uploadPhoto(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "an image file is required");
        }
        return profiles.attachPhoto(affiliateId(), file.uploadedFile(), file.size());
    }

    @GET
    @Path("/photo")
    @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @Transactional
    public Response photo() {
        return photos.serve(current.any());
    }

    @DELETE
    @Path("/photo")
    public Response removePhoto() {
        profiles.removePhoto(affiliateId());
        return Response.noContent().build();
    }

    private java.util.UUID affiliateId() {
        return current.any().id;
    }
}
