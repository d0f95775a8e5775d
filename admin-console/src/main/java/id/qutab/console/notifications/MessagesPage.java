package id.qutab.console.notifications;

import id.qutab.console.api.Api;
import id.qutab.console.web.FormValues;
import id.qutab.console.web.Listing;
import id.qutab.console.web.Pages;
import id.qutab.console.web.Redirects;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The message log (identity's {@code /api/admin/notifications/messages}): every message sent or queued, newest
 * first, with the template version it was sent with and its delivery status; filtered by recipient (identity
 * normalizes +62…/62…/08…, or an email), status, template key and channel.
 */
@Path("/notifications")
public class MessagesPage {

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    @Location("notifications/messages.html")
    Template list;

    @GET
    public Response home() {
        return Redirects.to("/admin/notifications/templates").build();
    }

    @GET
    @Path("/messages")
    public Response list(@QueryParam("to") String to, @QueryParam("status") String status,
                         @QueryParam("template") String template, @QueryParam("channel") String channel,
                         @Context UriInfo uri) {
        return pages.page(list, Listing.of(uri).filter("to", FormValues.text(to)).filter("status", status)
                .filter("template", FormValues.text(template)).filter("channel", channel)
                .fetch(api, "/api/admin/notifications/messages", "messages"));
    }
}
