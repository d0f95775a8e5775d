package id.qutab.identity.notifications;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the template admin API. */
public final class TemplateRequests {

    static final String CHANNEL = "WHATSAPP|EMAIL";
    static final String KEY = "[a-z0-9_]{1,64}";
    static final String LOCALE = "id|en";
    static final String CATEGORY = "order|payout|affiliate|loyalty|reminder|promotion";
    /** At least one visible character; tabs and new lines are fine (a mail), other control characters are not. */
    static final String BODY = "(?s)^(?!\\s*$)[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]+$";

    private TemplateRequests() {
    }

    /** {@code POST /api/admin/notifications/templates}: version 1 of a new channel + key + locale. */
    public record Create(
            @NotNull @Pattern(regexp = CHANNEL, message = "must be WHATSAPP or EMAIL") String channel,
            @NotNull @Pattern(regexp = KEY, message = "must be 1 to 64 of a-z, 0-9 and _") String key,
            @NotNull @Pattern(regexp = LOCALE, message = "must be id or en") String locale,
            @NotNull @Pattern(regexp = CATEGORY, message = "must be order, payout, affiliate, loyalty, reminder or promotion") String category,
            @NotNull @Size(min = 1, max = 1024) @Pattern(regexp = BODY, message = "must be 1 to 1024 characters without control characters") String body) {
    }

    /** {@code PUT /api/admin/notifications/templates/{id}}: the next version. */
    public record Update(
            @NotNull @Pattern(regexp = CATEGORY, message = "must be order, payout, affiliate, loyalty, reminder or promotion") String category,
            @NotNull @Size(min = 1, max = 1024) @Pattern(regexp = BODY, message = "must be 1 to 1024 characters without control characters") String body) {
    }
}
