package id.qutab.affiliate.applications;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/affiliate/application}. Social handles with or without {@code @}; empty means none. */
public record ApplicationRequest(
        @NotBlank @Size(max = 60) String firstName,
        @NotBlank @Size(max = 60) String lastName,
        @NotBlank @Size(max = 24) String whatsapp,
        @Pattern(regexp = SocialLinks.HANDLE, message = SocialLinks.HANDLE_MESSAGE) String instagram,
        @Pattern(regexp = SocialLinks.HANDLE, message = SocialLinks.HANDLE_MESSAGE) String tiktok,
        @NotBlank @Size(max = 80) String city,
        @NotBlank @Size(max = 1000) String reason) {
}
