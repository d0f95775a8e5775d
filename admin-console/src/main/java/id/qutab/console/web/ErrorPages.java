package id.qutab.console.web;

import id.qutab.console.api.ApiProblem;
import id.qutab.console.session.SessionCookies;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What the admin sees when something fails. A failed action goes back to the page it came from with the API's
 * problem {@code detail} on top; a page that cannot be built shows the detail and its status; an expired session
 * goes to the login page. Never a stack trace.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    Pages pages;

    @Inject
    SessionCookies cookies;

    @ServerExceptionMapper
    public Response api(ApiProblem problem, Request request, HttpHeaders headers) {
        if (problem.status() == 401) {
            pages.flashError(pages.msg().session_ended());
            return Redirects.to("/admin/login")
                    .cookie(cookies.expired(SessionCookies.ACCESS), cookies.expired(SessionCookies.REFRESH))
                    .build();
        }
        if (!"GET".equals(request.getMethod())) {
            pages.flashError(problem.describe());
            return Redirects.to(Pages.back(headers.getHeaderString("Referer"), "/admin/")).build();
        }
        return pages.error(problem.status() >= 400 && problem.status() < 600 ? problem.status() : 502,
                problem.title(), problem.describe());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 300 && status < 400) {
            return e.getResponse();
        }
        return pages.error(status, pages.msg().error_title(), status == 404 ? "404" : e.getMessage());
    }

    @ServerExceptionMapper
    public Response badInput(IllegalArgumentException e) {
        return pages.error(400, pages.msg().error_title(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.errorf("console page failed: %s", e.toString());
        return pages.error(500, pages.msg().error_title(), "");
    }
}
