package id.qutab.console.session;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens whose session was logged out. Logout spends the refresh token in identity, but the access token is
 * a JWT that stays valid until it expires (≤ 15 min): cookies copied before the logout must not open a page in that
 * window. Remembered until the token's own expiry, in this process only (one console instance, like
 * TokenRefresher; see the README for running more).
 */
@ApplicationScoped
public class EndedSessions {

    private final Map<String, Instant> ended = new ConcurrentHashMap<>();

    void end(String accessToken) {
        if (accessToken == null) {
            return;
        }
        Instant now = Instant.now();
        ended.values().removeIf(expiry -> expiry.isBefore(now));
        AccessToken.read(accessToken).ifPresent(token -> {
            if (token.expiresAt().isAfter(now)) {
                ended.put(accessToken, token.expiresAt());
            }
        });
    }

    boolean ended(String accessToken) {
        return accessToken != null && ended.containsKey(accessToken);
    }
}
