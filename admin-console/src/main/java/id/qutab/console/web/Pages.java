package id.qutab.console.web;

import id.qutab.console.i18n.Msg;
import id.qutab.console.session.AdminSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * Renders a console page: the template's own data plus what the layout needs (the admin's name, the language, the
 * flash message, the current path for the language switch), in the admin's language.
 */
@ApplicationScoped
public class Pages {

    @Inject
    AdminSession session;

    @Inject
    @Location("refused.html")
    Template refused;

    @Inject
    @Location("error.html")
    Template error;

    public Response page(Template template, Map<String, ?> data) {
        return page(template, data, 200);
    }

    public Response page(Template template, Map<String, ?> data, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(render(template, data)).build();
    }

    public String render(Template template, Map<String, ?> data) {
        TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        instance.data("admin", session.name() == null ? "" : session.name());
        instance.data("lang", session.lang());
        instance.data("flash", Flash.of(session.takeFlash()));
        instance.setLocale(session.locale());
        return instance.render();
    }

    public Response refused() {
        return page(refused, Map.of(), 403);
    }

    public Response error(int status, String title, String detail) {
        return page(error, Map.of("status", status, "title", title, "detail", detail == null ? "" : detail),
                status);
    }

    /** The shared words in the admin's language, for text made in Java (flash messages). */
    public Msg msg() {
        return MessageBundles.get(Msg.class, Localized.Literal.of(session.lang()));
    }

    /** A section's bundle (e.g. {@code UserTexts}) in the admin's language, for text made in Java. */
    public <T> T localized(Class<T> bundle) {
        return MessageBundles.get(bundle, Localized.Literal.of(session.lang()));
    }


    /** Remembers a message for the page the browser is sent to next. */
    public void flashOk(String text) {
        session.flash("ok:" + text);
    }

    public void flashError(String text) {
        session.flash("error:" + text);
    }

    /** Where a form returns to: the page it was posted from when that is one of ours. */
    public static String back(String referer, String fallback) {
        if (referer != null) {
            int path = referer.indexOf("/admin");
            if (path >= 0) {
                return Redirects.safe(referer.substring(path));
            }
        }
        return Redirects.safe(fallback);
    }
}
