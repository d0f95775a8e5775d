package id.qutab.affiliate.portal;

import id.qutab.affiliate.applications.Affiliate;
import id.qutab.platform.problem.Problem;
import id.qutab.platform.problem.ProblemException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
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
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Profile photos: accepted only when the bytes really are a JPEG or PNG image (magic bytes, then a real decode
 * with a bound on the dimensions), at most {@code qutab.media.max-photo-bytes} (2 MB); stored under
 * {@code qutab.media.dir}/affiliates with a name we choose; served only to the affiliate and to admins.
 */
@ApplicationScoped
public class ProfilePhotos {

    private static final Logger LOG = Logger.getLogger(ProfilePhotos.class);
    public static final String OWN_URL = "/api/affiliate/profile/photo";
    private static final Pattern STORED_NAME = Pattern.compile("[0-9a-f-]{36}-[0-9a-f]{8}\\.(jpg|png)");

    public enum Format {
        JPEG("jpg", "image/jpeg"), PNG("png", "image/png");

        final String extension;
        final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }
    }

    /** A replaced or erased photo file, deleted once the transaction that let go of it committed. */
    public record Discarded(String file) {
    }

    @Inject
    MediaConfig config;

    @Inject
    Event<Discarded> discarded;

    void createDirectory(@Observes StartupEvent start) {
        try {
            Files.createDirectories(dir());
        } catch (IOException e) {
            LOG.warnf("media directory %s is not writable: %s", dir(), e.getMessage());
        }
    }

    /** Validates and writes the upload; returns the stored file name (the caller attaches it in its transaction). */
    public String store(UUID affiliateId, Path upload, long declaredSize) {
        byte[] bytes = read(upload, declaredSize);
        Format format = validate(bytes);
        String file = affiliateId + "-" + UUID.randomUUID().toString().substring(0, 8) + "." + format.extension;
        try {
            Files.createDirectories(dir());
            Path temp = Files.createTempFile(dir(), "upload-", ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, dir().resolve(file), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store photo", e);
        }
        return file;
    }

    public void deleteAfterCommit(String file) {
        if (file != null) {
            discarded.fire(new Discarded(file));
        }
    }

    void delete(@Observes(during = TransactionPhase.AFTER_SUCCESS) Discarded photo) {
        deleteNow(photo.file());
    }

    public void deleteNow(String file) {
        if (file == null || !STORED_NAME.matcher(file).matches()) {
            return;
        }
        try {
            Files.deleteIfExists(dir().resolve(file));
        } catch (IOException e) {
            LOG.warnf("could not delete photo %s: %s", file, e.getMessage());
        }
    }

    /** The affiliate's photo as a response, or 404 problem. */
    public Response serve(Affiliate affiliate) {
        Path path = find(affiliate.photoFile).orElseThrow(() -> ProblemException.notFound("Photo"));
        String ext = affiliate.photoFile.substring(affiliate.photoFile.lastIndexOf('.') + 1);
        String type = "png".equals(ext) ? Format.PNG.mediaType : Format.JPEG.mediaType;
        return Response.ok(path.toFile(), type)
                .header("Cache-Control", "private, max-age=300")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private Optional<Path> find(String file) {
        if (file == null || !STORED_NAME.matcher(file).matches()) {
            return Optional.empty();
        }
        Path path = dir().resolve(file);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    private byte[] read(Path upload, long declaredSize) {
        try {
            long size = Files.size(upload);
            if (size > config.maxPhotoBytes() || declaredSize > config.maxPhotoBytes()) {
                throw new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                        "The photo must be at most " + config.maxPhotoBytes() / (1024 * 1024) + " MB."));
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
        Format format = sniff(b).orElseThrow(() -> unsupported("Only JPEG or PNG images are accepted."));
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
        return Optional.empty();
    }

    private Path dir() {
        return Path.of(config.dir()).resolve("affiliates");
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(Problem.of(415, "unsupported-image", "Unsupported media type", detail));
    }
}
