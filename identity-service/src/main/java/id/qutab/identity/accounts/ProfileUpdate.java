package id.qutab.identity.accounts;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PATCH /api/me}: absent (or null) fields stay as they are. Email changes are not offered. */
public record ProfileUpdate(
        @Size(max = 100) @Pattern(regexp = Patterns.NAME, message = Patterns.NAME_MESSAGE) String name,
        @ValidPhone String phone,
        @Pattern(regexp = Patterns.LOCALE, message = Patterns.LOCALE_MESSAGE) String locale) {
}
