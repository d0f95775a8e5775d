package id.qutab.affiliate.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qutab.media")
public interface MediaConfig {

    /** Where profile photos are stored (a volume in containers); relative paths are below the working directory. */
    @WithDefault("media")
    String dir();

    /** Largest accepted profile photo, bytes (2 MB). */
    @WithDefault("2097152")
    long maxPhotoBytes();

    /** Largest accepted side in pixels: refuses decompression bombs before decoding. */
    @WithDefault("4000")
    int maxImageSide();
}
