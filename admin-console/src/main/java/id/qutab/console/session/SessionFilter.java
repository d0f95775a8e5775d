package id.qutab.console.session;

import id.qutab.console.ConsoleConfig;
import id.qutab.console.api.ApiProblem;
import id.qutab.console.web.Pages;
import id.qutab.console.web.Redirects;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every console page runs as the signed-in admin. Before the page: read the session cookies, refresh the access
 * token when it is about to expire (the page the admin asked for is then built as usual: nothing is lost), send a
 * visitor without a session to the login page, and refuse a signed-in non-admin. After it: hand the browser the
 * renewed cookies and drop a flash message once it has been shown.
 */
public class SessionFilter {

    private static final Set<String> PUBLIC = Set.of("/admin/login");

    @Inject
    AdminSession session;

    @Inject
    ConsoleConfig config;

    @Inject
    TokenRefresher refresher;

    @Inject
    SessionCookies cookies;

    @Inject
    Pages pages;

    @Inject
    EndedSessions ended;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        Cookie lang = request.getCookies().get(SessionCookies.LANG);
        session.locale(Locale.forLanguageTag(lang != null && "en".equals(lang.getValue()) ? "en" : "id"));
        Cookie flash = request.getCookies().get(SessionCookies.FLASH);
        if (flash != null && !flash.getValue().isEmpty()) {
            session.flash(URLDecoder.decode(flash.getValue(), StandardCharsets.UTF_8));
        }

        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            // SameSite=Strict already keeps the cookies off cross-site posts; this refuses them outright.
            String site = request.getHeaderString("Sec-Fetch-Site");
            if (site != null && !site.equals("same-origin") && !site.equals("none")) {
                return Optional.of(Response.status(403).type("text/plain").entity("cross-site form refused").build());
            }
        }
        if (PUBLIC.contains(path) || path.startsWith("/admin/lang/")) {
            return Optional.empty();
        }
        Cookie refresh = request.getCookies().get(SessionCookies.REFRESH);
        if (refresh == null || refresh.getValue().isEmpty()) {
            return Optional.of(toLogin(request));
        }
        Cookie access = request.getCookies().get(SessionCookies.ACCESS);
        if (access != null && ended.ended(access.getValue())) {
            return Optional.of(toLogin(request));
        }
        Cookie name = request.getCookies().get(SessionCookies.NAME);
        session.signedIn(access == null ? null : access.getValue(), refresh.getValue(),
                name == null ? "" : URLDecoder.decode(name.getValue(), StandardCharsets.UTF_8));

        Optional<AccessToken> token = AccessToken.read(session.accessToken());
        if (token.isEmpty() || token.get().expiresAt().isBefore(Instant.now().plus(config.refreshMargin()))) {
            try {
                TokenRefresher.Pair pair = refresher.refresh(refresh.getValue());
                session.renewedWith(pair.accessToken(), pair.refreshToken());
                token = AccessToken.read(pair.accessToken());
            } catch (ApiProblem e) {
                if (e.status() == 401 || e.status() == 400 || e.status() == 403) {
                    session.flash("error:" + pages.msg().session_ended());
                    return Optional.of(toLogin(request));
                }
                throw e;
            }
        }
        if (token.isEmpty() || !token.get().admin()) {
            return Optional.of(pages.refused());
        }
        return Optional.empty();
    }

    private Response toLogin(ContainerRequestContext request) {
        String next = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query != null) {
            next += "?" + query;
        }
        boolean page = "GET".equals(request.getMethod());
        return Redirects.to("/admin/login" + (page && !next.equals("/admin/") ? "?next=" + Redirects.param(next) : ""))
                .cookie(cookies.expired(SessionCookies.ACCESS), cookies.expired(SessionCookies.REFRESH))
                .build();
    }

    @ServerResponseFilter
    public void renew(ContainerResponseContext response) {
        if (session.renewed()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookies.session(SessionCookies.ACCESS, session.accessToken()));
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookies.session(SessionCookies.REFRESH, session.refreshToken()));
        }
        if (session.flashShown()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookies.expired(SessionCookies.FLASH));
        } else if (session.flash() != null) {
            // a flash set during this request and not rendered (a redirect): carry it to the next page
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookies.flash(session.flash()));
        }
        // Pages carry an admin's data: never cached, never framed.
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("X-Frame-Options", "DENY");
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("Referrer-Policy", "same-origin");
        response.getHeaders().putSingle("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:;"
                + " style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'");
    }
}
