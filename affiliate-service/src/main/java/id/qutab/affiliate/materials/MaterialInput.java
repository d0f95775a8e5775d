package id.qutab.affiliate.materials;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code {kind: BANNER|CAPTION, title, caption?, imageUrl?, sortOrder?, active?}}. A banner needs an image URL
 * (https, or a path on this site such as {@code /media/...}); a caption needs its text.
 */
public record MaterialInput(
        @NotNull Material.Kind kind,
        @NotBlank @Size(max = 120) String title,
        @Size(max = 2000) String caption,
        @Size(max = 500) @Pattern(regexp = "^(https?://[^\\s<>\"]+|/[^\\s<>\"/][^\\s<>\"]*)$",
                message = "must be an http(s) URL or a path starting with /") String imageUrl,
        @Min(0) @Max(100000) Integer sortOrder,
        Boolean active) {
}
