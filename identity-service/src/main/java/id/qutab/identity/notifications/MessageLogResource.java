package id.qutab.identity.notifications;

import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/notifications/messages")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "notifications")
@Produces(MediaType.APPLICATION_JSON)
public class MessageLogResource {

    @Inject
    MessageLog log;

    @GET
    @Operation(summary = "Messages newest first with their delivery status; ?to=(+62…|62…|08…|email)&status=&template=&channel=&page=&size=")
    public Page<MessageLog.Entry> list(@QueryParam("to") String to, @QueryParam("status") String status,
                                       @QueryParam("template") String template, @QueryParam("channel") String channel,
                                       @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return log.list(to, status, template, channel, PageRequest.of(page, size));
    }
}
