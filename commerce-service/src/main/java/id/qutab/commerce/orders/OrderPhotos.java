package id.qutab.commerce.orders;

import id.qutab.platform.media.ImageUploads;
import id.qutab.platform.media.ImageUploads.Format;
import id.qutab.platform.media.MediaConfig;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Distribution photos: an admin uploads the picture (checked by content like product images), gets its
 * {@code /media/orders/...} URL and puts it on a tracking entry ({@code photoUrl} of a status change or a note).
 * Stored under {@code qutab.media.dir/orders} with a name we choose; the name is unguessable, so the customer's
 * frontend can show it without a token, like product images.
 */
@ApplicationScoped
public class OrderPhotos {

    public static final String URL_PREFIX = "/media/orders/";
    static final String STORED = "[0-9a-f-]{36}-[0-9a-f]{8}\\.(jpg|png|webp)";
    private static final Pattern STORED_NAME = Pattern.compile(STORED);
    /** A photo on a tracking entry: anywhere on the web, or one uploaded here. */
    static final String PHOTO_URL = "https?://[^\\s]{1,490}|" + URL_PREFIX + STORED;

    @Inject
    MediaConfig config;

    @Transactional
    public String store(UUID orderId, Path upload, long declaredSize) {
        if (Order.findById(orderId) == null) {
            throw ProblemException.notFound("Order");
        }
        String file = ImageUploads.store(upload, declaredSize, config.maxImageBytes(), EnumSet.allOf(Format.class),
                config.maxImageSide(), dir(), orderId);
        return URL_PREFIX + file;
    }

    /** A stored photo by its file name; anything that is not a name we generated is simply not found. */
    public Optional<Stored> find(String file) {
        if (file == null || !STORED_NAME.matcher(file).matches() || !Files.isRegularFile(dir().resolve(file))) {
            return Optional.empty();
        }
        Format format = Format.byExtension(file.substring(file.lastIndexOf('.') + 1)).orElseThrow();
        return Optional.of(new Stored(dir().resolve(file), format.mediaType));
    }

    public record Stored(Path path, String mediaType) {
    }

    private Path dir() {
        return Path.of(config.dir()).resolve("orders");
    }
}
