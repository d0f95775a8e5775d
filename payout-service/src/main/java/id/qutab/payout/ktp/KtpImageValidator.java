package id.qutab.payout.ktp;

import id.qutab.platform.problem.Problem;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides whether an upload is a KTP photo we can keep: a JPEG or PNG by its content (the file name and the
 * declared content type are ignored), at most {@code qutab.ktp.max-bytes}, with sane dimensions, that really
 * decodes from its first to its last byte.
 *
 * <ul>
 *   <li>larger than the limit → 413 {@code payload-too-large}</li>
 *   <li>not JPEG/PNG magic bytes (text, PDF, GIF, ...) → 415 {@code ktp-unsupported-type}</li>
 *   <li>JPEG/PNG magic bytes but it does not decode completely (truncated, corrupt: the decoder fails or warns,
 *       e.g. a JPEG without its EOI marker) → 422 {@code ktp-unreadable}</li>
 *   <li>too small to read or too large to decode safely → 422 {@code ktp-dimensions}</li>
 * </ul>
 */
@ApplicationScoped
public class KtpImageValidator {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    /** Decoding is subsampled to about this many pixels: every byte is still decoded, memory stays small. */
    private static final long DECODE_PIXEL_BUDGET = 2_000_000L;

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Inject
    KtpConfig config;

    /** What a valid upload turned out to be. */
    public record ValidImage(String contentType, int width, int height) {
    }

    public ValidImage validate(byte[] bytes) {
        if (bytes.length == 0) {
            throw ProblemException.invalid("file", "must not be empty");
        }
        if (bytes.length > config.maxBytes()) {
            throw tooLarge(config.maxBytes());
        }
        String type = sniff(bytes);
        if (type == null) {
            throw new ProblemException(Problem.of(415, "ktp-unsupported-type", "Unsupported media type",
                    "The KTP must be a JPEG or PNG image."));
        }
        return decode(bytes, type);
    }

    public static ProblemException tooLarge(long limit) {
        return new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                "The KTP image is larger than " + limit + " bytes."));
    }

    static String sniff(byte[] bytes) {
        if (startsWith(bytes, JPEG_MAGIC)) {
            return JPEG;
        }
        if (startsWith(bytes, PNG_MAGIC)) {
            return PNG;
        }
        return null;
    }

    private ValidImage decode(byte[] bytes, String type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + type);
        }
        ImageReader reader = readers.next();
        AtomicReference<String> warning = new AtomicReference<>();
        reader.addIIOReadWarningListener((IIOReadWarningListener) (source, message) -> warning.compareAndSet(null, message));
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkDimensions(width, height);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsampling(width, height);
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image = reader.read(0, param);
            if (image == null || warning.get() != null) {
                throw unreadable();
            }
            return new ValidImage(type, width, height);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw unreadable();
        } finally {
            reader.dispose();
        }
    }

    private void checkDimensions(int width, int height) {
        if (Math.min(width, height) < config.minSide() || Math.max(width, height) > config.maxSide()
                || (long) width * height > config.maxPixels()) {
            throw ProblemException.rule("ktp-dimensions", "The KTP image must be at least " + config.minSide()
                    + " pixels on its shorter side and at most " + config.maxSide() + " on its longer side.");
        }
    }

    private static int subsampling(int width, int height) {
        long pixels = (long) width * height;
        int step = 1;
        while (pixels / ((long) step * step) > DECODE_PIXEL_BUDGET) {
            step++;
        }
        return step;
    }

    private static ProblemException unreadable() {
        return ProblemException.rule("ktp-unreadable",
                "The file looks like a JPEG or PNG image but does not decode completely; it may be truncated or corrupt.");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
