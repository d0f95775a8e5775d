package id.qutab.affiliate.applications;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An affiliate's social presence. Instagram and TikTok are handles (stored without {@code @}); Facebook, YouTube
 * and a website are http(s) URLs.
 */
@RegisterForReflection
public record SocialLinks(String instagram, String tiktok, String facebook, String youtube, String website) {

    public static final String HANDLE = "^$|^@?[A-Za-z0-9._]{1,30}$";
    public static final String HANDLE_MESSAGE = "must be a handle of 1 to 30 letters, digits, dots or underscores";
    public static final String URL = "^$|^https?://[^\\s<>\"]{1,190}$";
    public static final String URL_MESSAGE = "must be an http(s) URL of at most 200 characters";

    /** {@code "@Budi.Qurban"} → {@code "Budi.Qurban"}; blank → null. */
    public static String handle(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.startsWith("@") ? trimmed.substring(1) : trimmed;
    }

    public static String url(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static SocialLinks of(Affiliate a) {
        return new SocialLinks(a.instagram, a.tiktok, a.facebook, a.youtube, a.website);
    }
}
