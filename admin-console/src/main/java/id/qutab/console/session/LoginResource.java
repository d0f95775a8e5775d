package id.qutab.console.session;

import id.qutab.console.api.Api;
import id.qutab.console.api.ApiProblem;
import id.qutab.console.web.Pages;
import id.qutab.console.web.Redirects;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Signing in and out. Only an account with the admin role gets a console session. */
@Path("/")
public class LoginResource {

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    SessionCookies cookies;

    @Inject
    AdminSession session;

    @Inject
    EndedSessions ended;

    @Inject
    @Location("login.html")
    Template login;

    @GET
    @Path("login")
    public Response form(@QueryParam("next") String next) {
        return pages.page(login, form(next, "", null));
    }

    @POST
    @Path("login")
    public Response login(@FormParam("email") String email, @FormParam("password") String password,
                          @FormParam("next") String next) {
        Map<String, Object> answer;
        try {
            answer = api.postAnonymous("/api/auth/login", Map.of("email", email == null ? "" : email,
                    "password", password == null ? "" : password));
        } catch (ApiProblem e) {
            boolean refused = e.status() == 401 || e.status() == 400 || e.status() == 422;
            String message = refused ? pages.msg().login_failed() : e.describe();
            return pages.page(login, form(next, email, message), refused ? 401 : e.status());
        }
        String access = String.valueOf(answer.get("accessToken"));
        String refresh = String.valueOf(answer.get("refreshToken"));
        Map<?, ?> user = answer.get("user") instanceof Map<?, ?> u ? u : Map.of();
        boolean admin = user.get("roles") instanceof List<?> roles && roles.contains("admin");
        if (!admin) {
            endQuietly(access, refresh);
            return pages.refused();
        }
        String name = user.get("name") == null ? "" : user.get("name").toString();
        return Redirects.to(next == null || next.isBlank() ? "/admin/" : next)
                .cookie(cookies.session(SessionCookies.ACCESS, access),
                        cookies.session(SessionCookies.REFRESH, refresh),
                        cookies.session(SessionCookies.NAME, URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        ended.end(session.accessToken());
        endQuietly(session.accessToken(), session.refreshToken());
        session.flash("ok:" + pages.msg().logout());
        return Redirects.to("/admin/login")
                .cookie(cookies.expired(SessionCookies.ACCESS), cookies.expired(SessionCookies.REFRESH),
                        cookies.expired(SessionCookies.NAME))
                .build();
    }

    /** Switches the console's language and returns to the page. */
    @GET
    @Path("lang/{lang}")
    public Response language(@PathParam("lang") String lang, @QueryParam("back") String back) {
        String chosen = "en".equals(lang) ? "en" : "id";
        return Redirects.to(back).cookie(cookies.lang(chosen)).build();
    }

    /** Spends the refresh token in identity: after logout it no longer refreshes (API.md). */
    private void endQuietly(String access, String refresh) {
        if (refresh == null) {
            return;
        }
        session.signedIn(access, refresh, session.name());
        try {
            api.post("/api/auth/logout", Map.of("refreshToken", refresh));
        } catch (ApiProblem e) {
            // already spent or expired: the cookies are dropped either way
        }
    }

    private static Map<String, Object> form(String next, String email, String error) {
        Map<String, Object> data = new HashMap<>();
        data.put("next", Redirects.safe(next == null || next.isBlank() ? "/admin/" : next));
        data.put("email", email == null ? "" : email);
        data.put("error", error);
        return data;
    }
}
