package id.qutab.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * What the console reads from an access token: its expiry and whether it carries the admin role. It does not verify
 * the signature: the services do that on every call, and a forged cookie only gets the forger 401s. These two
 * facts only decide when to refresh and which page to show.
 */
public record AccessToken(Instant expiresAt, boolean admin) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Optional<AccessToken> read(String jwt) {
        if (jwt == null) {
            return Optional.empty();
        }
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            long exp = claims.path("exp").asLong(0);
            boolean admin = false;
            for (JsonNode group : claims.path("groups")) {
                admin |= "admin".equals(group.asText());
            }
            return exp == 0 ? Optional.empty() : Optional.of(new AccessToken(Instant.ofEpochSecond(exp), admin));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
