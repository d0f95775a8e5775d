package id.qutab.platform.media;

import id.qutab.platform.problem.Problem;
import id.qutab.platform.problem.ProblemException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Uploaded images are judged by their bytes, never by file name or declared type: the magic bytes say what
 * it claims to be, then a real decode (JPEG, PNG) or the container check (WebP, which the JDK cannot decode)
 * proves it. Too big → 413; not an accepted image → 415; absurd dimensions → 422 {@code image-dimensions}.
 */
public final class ImageUploads {

    public enum Format {
        JPEG("jpg", "image/jpeg"), PNG("png", "image/png"), WEBP("webp", "image/webp");

        public final String extension;
        public final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public static Optional<Format> byExtension(String extension) {
            return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
        }
    }

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ImageUploads() {
    }

    /** Reads an uploaded file that multipart handling left on disk, refusing an empty or oversized one. */
    public static byte[] read(Path upload, long declaredSize, long maxBytes) {
        try {
            long size = Files.size(upload);
            if (size > maxBytes || declaredSize > maxBytes) {
                throw new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                        "The image must be at most " + maxBytes / (1024 * 1024) + " MB."));
            }
            if (size == 0) {
                throw unsupported("The file is empty.");
            }
            return Files.readAllBytes(upload);
        } catch (IOException e) {
            throw ProblemException.badRequest("The uploaded file could not be read.");
        }
    }

    /** The format of {@code bytes} when it is one of {@code accepted} and really an image of that format. */
    public static Format validate(byte[] bytes, Set<Format> accepted, int maxSide) {
        Format format = sniff(bytes).filter(accepted::contains).orElseThrow(() -> unsupported("Only "
                + accepted.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")) + " images are accepted."));
        if (format == Format.WEBP) {
            return format; // no WebP decoder in the JDK: sniff checked the RIFF header and its declared length
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unsupported("The image could not be decoded.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > maxSide || height > maxSide) {
                    throw ProblemException.rule("image-dimensions",
                            "The image must be at most " + maxSide + " pixels on each side.");
                }
                if (reader.read(0) == null) {
                    throw unsupported("The image could not be decoded.");
                }
            } finally {
                reader.dispose();
            }
        } catch (ProblemException problem) {
            throw problem;
        } catch (IOException | RuntimeException e) {
            throw unsupported("The image could not be decoded.");
        }
        return format;
    }

    /** What the bytes claim to be, by their magic numbers. */
    public static Optional<Format> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of(Format.JPEG);
        }
        if (b.length >= 8 && Arrays.equals(Arrays.copyOf(b, 8), PNG_MAGIC)) {
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

    private static ProblemException unsupported(String detail) {
        return new ProblemException(Problem.of(415, "unsupported-image", "Unsupported media type", detail));
    }

    /**
     * Reads, checks (see {@link #read}, {@link #validate}) and stores an upload in {@code dir} as
     * {@code <owner>-<8 random characters>.<extension>}, a name nobody can guess or choose. It is written to a
     * temporary file and moved into place, so a reader never serves half an image. Returns the file name.
     */
    public static String store(Path upload, long declaredSize, long maxBytes, Set<Format> accepted, int maxSide,
                               Path dir, Object owner) {
        byte[] bytes = read(upload, declaredSize, maxBytes);
        Format format = validate(bytes, accepted, maxSide);
        String file = owner + "-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "." + format.extension;
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "upload-", ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, dir.resolve(file), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not store the image", e);
        }
        return file;
    }
}
