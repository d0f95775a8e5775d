package id.qutab.identity.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/register}. {@code admin} is never an account type a visitor can choose. */
public record RegisterRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = Patterns.NAME, message = Patterns.NAME_MESSAGE) String name,
        @NotBlank @Size(max = 254) @Email(regexp = Patterns.EMAIL, message = Patterns.EMAIL_MESSAGE) String email,
        @NotBlank @ValidPhone String phone,
        @NotNull @Size(min = 8, max = 72, message = Patterns.PASSWORD_MESSAGE) String password,
        @NotNull @Pattern(regexp = "customer|affiliate", message = "must be customer or affiliate") String accountType,
        @Pattern(regexp = Patterns.LOCALE, message = Patterns.LOCALE_MESSAGE) String locale) {
}
