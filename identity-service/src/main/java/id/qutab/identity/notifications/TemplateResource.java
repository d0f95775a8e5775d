package id.qutab.identity.notifications;

import id.qutab.platform.security.CurrentUser;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.UUID;

@Path("/api/admin/notifications/templates")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "notifications")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    @Inject
    TemplateAdmin admin;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "The latest version of each template; ?channel=&key=&locale=&history=true (all versions)&page=&size=")
    public Page<TemplateView> list(@QueryParam("channel") String channel, @QueryParam("key") String key,
                                   @QueryParam("locale") String locale, @QueryParam("history") Boolean history,
                                   @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return admin.list(channel, key, locale, Boolean.TRUE.equals(history), PageRequest.of(page, size));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "A new template (version 1); an existing channel + key + locale → 409")
    public TemplateView create(@Valid @NotNull TemplateRequests.Create request) {
        return admin.create(request, user.id());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One template version")
    public TemplateView get(@PathParam("id") UUID id) {
        return admin.get(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit: writes the next version (the old one stays); only the latest version may be edited")
    public TemplateView update(@PathParam("id") UUID id, @Valid @NotNull TemplateRequests.Update request) {
        return admin.update(id, request, user.id());
    }

    @DELETE
    @Path("/{id}")
    @ResponseStatus(204)
    @Operation(summary = "Deactivate the template's channel + key + locale: nothing more is sent with it")
    public void delete(@PathParam("id") UUID id) {
        admin.deactivate(id, user.id());
    }
}
