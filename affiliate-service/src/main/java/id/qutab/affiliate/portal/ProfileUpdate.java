package id.qutab.affiliate.portal;

import id.qutab.affiliate.applications.SocialLinks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/affiliate/profile}: only the fields present change. {@code ""} clears an optional field
 * (bio, social links); names, WhatsApp number and city cannot be cleared.
 */
public record ProfileUpdate(
        @Size(min = 1, max = 60) String firstName,
        @Size(min = 1, max = 60) String lastName,
        @Size(max = 24) String whatsapp,
        @Size(min = 1, max = 80) String city,
        @Size(max = 1000) String bio,
        @Valid Social socialLinks) {

    public record Social(
            @Pattern(regexp = SocialLinks.HANDLE, message = SocialLinks.HANDLE_MESSAGE) String instagram,
            @Pattern(regexp = SocialLinks.HANDLE, message = SocialLinks.HANDLE_MESSAGE) String tiktok,
            @Pattern(regexp = SocialLinks.URL, message = SocialLinks.URL_MESSAGE) String facebook,
            @Pattern(regexp = SocialLinks.URL, message = SocialLinks.URL_MESSAGE) String youtube,
            @Pattern(regexp = SocialLinks.URL, message = SocialLinks.URL_MESSAGE) String website) {
    }
}
