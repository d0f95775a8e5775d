package id.qutab.commerce.catalog;

import id.qutab.platform.media.ImageUploads;
import id.qutab.platform.media.ImageUploads.Format;
import id.qutab.platform.media.MediaConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Product images: accepted only when the bytes really are a JPEG, PNG or WebP image (magic bytes, then a
 * real decode for JPEG/PNG and the RIFF/WEBP container check for WebP), within the size limit; stored under
 * {@code qutab.media.dir} with a name we choose, served from {@code /media/products/{file}}.
 */
@ApplicationScoped
public class ProductImages {

    private static final Logger LOG = Logger.getLogger(ProductImages.class);
    public static final String URL_PREFIX = "/media/products/";
    private static final Pattern STORED_NAME = Pattern.compile("[0-9a-f-]{36}-[0-9a-f]{8}\\.(jpg|png|webp)");

    @Inject
    MediaConfig config;

    @Inject
    CatalogueCache cache;

    void createDirectory(@Observes StartupEvent start) {
        try {
            Files.createDirectories(productsDir());
        } catch (IOException e) {
            LOG.warnf("media directory %s is not writable: %s", productsDir(), e.getMessage());
        }
    }

    public static String urlOf(String file) {
        return file == null ? null : URL_PREFIX + file;
    }

    /** Validates, stores and attaches the image; the previous image file of the product is removed. */
    @Transactional
    public ProductView attach(UUID productId, Path upload, long declaredSize) {
        Product product = ProductCatalog.require(productId);
        String file = ImageUploads.store(upload, declaredSize, config.maxImageBytes(), EnumSet.allOf(Format.class),
                config.maxImageSide(), productsDir(), productId);
        String previous = product.imageFile;
        product.imageFile = file;
        product.updatedAt = Instant.now();
        cache.clearAfterCommit();
        if (previous != null) {
            try {
                Files.deleteIfExists(productsDir().resolve(previous));
            } catch (IOException e) {
                LOG.warnf("could not delete the replaced image %s: %s", previous, e.getMessage());
            }
        }
        return ProductView.of(product);
    }

    /** A stored image by its file name; anything that is not a name we generated is simply not found. */
    public Optional<StoredImage> find(String file) {
        if (file == null || !STORED_NAME.matcher(file).matches()) {
            return Optional.empty();
        }
        Path path = productsDir().resolve(file);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        String ext = file.substring(file.lastIndexOf('.') + 1);
        Format format = Format.byExtension(ext).orElseThrow();
        return Optional.of(new StoredImage(path, format.mediaType));
    }

    public record StoredImage(Path path, String mediaType) {
    }

    private Path productsDir() {
        return Path.of(config.dir()).resolve("products");
    }

}
