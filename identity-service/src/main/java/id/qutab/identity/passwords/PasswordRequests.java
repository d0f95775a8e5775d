package id.qutab.identity.passwords;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the password endpoints. */
public final class PasswordRequests {

    private PasswordRequests() {
    }

    /** {@code POST /api/me/password}. */
    public record ChangePassword(@NotNull @Size(max = 200) String currentPassword,
                                 @NotNull @Size(min = 8, max = 72, message = "must be 8 to 72 characters") String newPassword) {
    }

    /** {@code POST /api/auth/forgot-password}: answered 202 whatever the email. */
    public record ForgotPassword(@NotBlank @Size(max = 254) String email) {
    }

    /** {@code POST /api/auth/reset-password}. */
    public record ResetPassword(@NotBlank @Size(max = 200) String token,
                                @NotNull @Size(min = 8, max = 72, message = "must be 8 to 72 characters") String newPassword) {
    }
}
