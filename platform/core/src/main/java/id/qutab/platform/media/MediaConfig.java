package id.qutab.platform.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where uploaded images live and how large they may be; each service reads the limits of what it accepts. */
@ConfigMapping(prefix = "qutab.media")
public interface MediaConfig {

    /** Where uploads are stored (a volume in containers); relative paths are below the working directory. */
    @WithDefault("media")
    String dir();

    /** Largest accepted product image (commerce), bytes (2 MB). */
    @WithDefault("2097152")
    long maxImageBytes();

    /** Largest accepted profile photo (affiliate), bytes (2 MB). */
    @WithDefault("2097152")
    long maxPhotoBytes();

    /**
     * Largest accepted image in pixels per side: refuses decompression bombs before decoding. Commerce's product
     * images use this default; affiliate sets 4000 for profile photos in its application.properties.
     */
    @WithDefault("6000")
    int maxImageSide();
}
