package id.qutab.affiliate.portal;

import id.qutab.affiliate.applications.Affiliate;
import id.qutab.platform.media.ImageUploads;
import id.qutab.platform.media.ImageUploads.Format;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.media.MediaConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
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
    private static final Set<Format> PHOTO_FORMATS = EnumSet.of(Format.JPEG, Format.PNG);
    private static final Pattern STORED_NAME = Pattern.compile("[0-9a-f-]{36}-[0-9a-f]{8}\\.(jpg|png)");

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
        String file = ImageUploads.store(upload, declaredSize, config.maxPhotoBytes(), PHOTO_FORMATS,
                config.maxImageSide(), dir(), affiliateId);
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

    private Path dir() {
        return Path.of(config.dir()).resolve("affiliates");
    }

}
