package id.qutab.commerce.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qutab.media")
public interface MediaConfig {

    /** Where uploaded product images are stored (a volume in containers). */
    String dir();

    /** Largest accepted product image, bytes (2 MB). */
    @WithDefault("2097152")
    long maxImageBytes();

    /** Largest accepted image in pixels per side: refuses decompression bombs before decoding. */
    @WithDefault("6000")
    int maxImageSide();
}
