package id.qutab.identity.tokens;

import id.qutab.identity.accounts.UserAccount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Request and response bodies of login, refresh and logout. */
public final class TokenMessages {

    private TokenMessages() {
    }

    public record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 200) String password) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    /** {@code {accessToken, refreshToken, tokenType, expiresIn, user:{id,name,email,roles}}}. */
    public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn,
                                SessionUser user) {
    }

    public record SessionUser(UUID id, String name, String email, List<String> roles) {
        static SessionUser of(UserAccount user) {
            return new SessionUser(user.id, user.name, user.email, user.sortedRoles());
        }
    }
}
