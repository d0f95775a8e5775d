package id.qutab.payout.ktp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * Where KTP images are kept and with which keys they are sealed. {@code dir} and {@code key} have no production
 * default: a service started without them fails at start-up instead of storing identity documents badly.
 */
@ConfigMapping(prefix = "qutab.ktp")
public interface KtpConfig {

    /** Directory of the encrypted files (env {@code QUTAB_KTP_DIR}); created when missing. */
    String dir();

    /** The active AES-256 key: base64 of 32 random bytes (env {@code QUTAB_KTP_KEY}). */
    String key();

    /** The id stored with everything the active key seals (env {@code QUTAB_KTP_KEY_ID}). */
    @WithDefault("k1")
    String keyId();

    /**
     * Earlier keys, still needed to open what they sealed: {@code id:base64,id:base64}
     * (env {@code QUTAB_KTP_RETIRED_KEYS}). The {@code ktp-rekey} job re-seals everything under the active key.
     */
    Optional<List<String>> retiredKeys();

    /** Largest image accepted, in bytes (5 MiB). */
    @WithDefault("5242880")
    int maxBytes();

    /** Shortest side a readable KTP photo can have, in pixels. */
    @WithDefault("200")
    int minSide();

    /** Longest side accepted, in pixels. */
    @WithDefault("10000")
    int maxSide();

    /** Most pixels accepted (guards the decoder against decompression bombs). */
    @WithDefault("40000000")
    long maxPixels();
}
