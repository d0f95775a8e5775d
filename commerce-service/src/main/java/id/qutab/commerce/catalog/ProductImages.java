package id.qutab.commerce.catalog;

import id.qutab.platform.problem.Problem;
import id.qutab.platform.problem.ProblemException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
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

    public enum Format {
        JPEG("jpg", "image/jpeg"), PNG("png", "image/png"), WEBP("webp", "image/webp");

        final String extension;
        final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }
    }

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
        byte[] bytes = read(upload, declaredSize);
        Format format = validate(bytes);
        String file = productId + "-" + UUID.randomUUID().toString().substring(0, 8) + "." + format.extension;
        Path target = productsDir().resolve(file);
        try {
            Path temp = Files.createTempFile(productsDir(), "upload-", ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store image", e);
        }
        String previous = product.imageFile;
        product.imageFile = file;
        product.updatedAt = Instant.now();
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
        Format format = Arrays.stream(Format.values()).filter(f -> f.extension.equals(ext)).findFirst().orElseThrow();
        return Optional.of(new StoredImage(path, format.mediaType));
    }

    public record StoredImage(Path path, String mediaType) {
    }

    private byte[] read(Path upload, long declaredSize) {
        try {
            long size = Files.size(upload);
            if (size > config.maxImageBytes() || declaredSize > config.maxImageBytes()) {
                throw tooLarge();
            }
            if (size == 0) {
                throw unsupported("The file is empty.");
            }
            return Files.readAllBytes(upload);
        } catch (IOException e) {
            throw ProblemException.badRequest("The uploaded file could not be read.");
        }
    }

    Format validate(byte[] b) {
        Format format = sniff(b).orElseThrow(() -> unsupported("Only JPEG, PNG or WebP images are accepted."));
        if (format == Format.WEBP) {
            return format; // no WebP decoder in the JDK: the RIFF header with its declared length is checked
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unsupported("The image could not be decoded.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > config.maxImageSide() || height > config.maxImageSide()) {
                    throw ProblemException.rule("image-dimensions",
                            "The image must be at most " + config.maxImageSide() + " pixels on each side.");
                }
                if (reader.read(0) == null) {
                    throw unsupported("The image could not be decoded.");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw unsupported("The image could not be decoded.");
        }
        return format;
    }

    static Optional<Format> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of(Format.JPEG);
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (b.length >= 8 && Arrays.equals(Arrays.copyOf(b, 8), png)) {
            return Optional.of(Format.PNG);
        }
        if (b.length >= 16 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P' && b[12] == 'V' && b[13] == 'P'
                && b[14] == '8') {
            long riffSize = (b[4] & 0xFFL) | (b[5] & 0xFFL) << 8 | (b[6] & 0xFFL) << 16 | (b[7] & 0xFFL) << 24;
            if (riffSize + 8 == b.length || riffSize + 9 == b.length) { // odd-sized chunks carry one pad byte
                return Optional.of(Format.WEBP);
            }
        }
        return Optional.empty();
    }

    private Path productsDir() {
        return Path.of(config.dir()).resolve("products");
    }

    private ProblemException tooLarge() {
        return new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                "The image must be at most " + config.maxImageBytes() / (1024 * 1024) + " MB."));
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(Problem.of(415, "unsupported-image", "Unsupported media type", detail));
    }
}
