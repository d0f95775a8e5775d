package id.qutab.zendit.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ZenditSandbox} behaves.
 *
 * @param port                    TCP port to listen on (loopback only); {@code 0} picks a free port
 * @param secretKey               the API key clients must send as the Basic-auth user (empty password)
 * @param callbackToken           sent as {@code x-callback-token} with every callback
 * @param callbackUrl             where callbacks are POSTed; {@code null} = not known yet (see
 *                                {@link ZenditSandbox#setCallbackUrl(String)}); attempts fail until it is set
 * @param publicBaseUrl           base of the {@code invoice_url}s handed out; {@code null} = {@link ZenditSandbox#baseUrl()}
 * @param callbackMaxAttempts     callback tries per state change (first try included), at least 1
 * @param callbackFirstRetryDelay delay before the second try; it doubles for every further try (capped at 1 hour)
 */
public record SandboxConfig(
        int port,
        String secretKey,
        String callbackToken,
        String callbackUrl,
        String publicBaseUrl,
        int callbackMaxAttempts,
        Duration callbackFirstRetryDelay) {

    public static final String DEFAULT_SECRET_KEY = "sandbox-secret-key";
    public static final String DEFAULT_CALLBACK_TOKEN = "sandbox-callback-token";
    public static final int DEFAULT_CALLBACK_MAX_ATTEMPTS = 6;
    public static final Duration DEFAULT_CALLBACK_FIRST_RETRY_DELAY = Duration.ofSeconds(1);

    public SandboxConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("secretKey is required");
        }
        if (callbackToken == null || callbackToken.isBlank()) {
            throw new IllegalArgumentException("callbackToken is required");
        }
        callbackUrl = blankToNull(callbackUrl);
        if (callbackUrl != null) {
            requireHttpUrl("callbackUrl", callbackUrl);
        }
        publicBaseUrl = blankToNull(publicBaseUrl);
        if (publicBaseUrl != null) {
            requireHttpUrl("publicBaseUrl", publicBaseUrl);
            publicBaseUrl = stripTrailingSlashes(publicBaseUrl);
        }
        if (callbackMaxAttempts < 1) {
            throw new IllegalArgumentException("callbackMaxAttempts must be at least 1, was " + callbackMaxAttempts);
        }
        Objects.requireNonNull(callbackFirstRetryDelay, "callbackFirstRetryDelay");
        if (callbackFirstRetryDelay.isNegative()) {
            throw new IllegalArgumentException("callbackFirstRetryDelay must not be negative");
        }
    }

    /**
     * Random free port, {@value #DEFAULT_SECRET_KEY}, {@value #DEFAULT_CALLBACK_TOKEN}, no callback URL yet, invoice
     * URLs on the sandbox's own base URL, 6 callback tries starting at 1 s (1, 2, 4, 8, 16 s between tries).
     */
    public static SandboxConfig defaults() {
        return new SandboxConfig(0, DEFAULT_SECRET_KEY, DEFAULT_CALLBACK_TOKEN, null, null,
                DEFAULT_CALLBACK_MAX_ATTEMPTS, DEFAULT_CALLBACK_FIRST_RETRY_DELAY);
    }

    public SandboxConfig withPort(int port) {
        return new SandboxConfig(port, secretKey, callbackToken, callbackUrl, publicBaseUrl, callbackMaxAttempts,
                callbackFirstRetryDelay);
    }

    public SandboxConfig withSecretKey(String secretKey) {
        return new SandboxConfig(port, secretKey, callbackToken, callbackUrl, publicBaseUrl, callbackMaxAttempts,
                callbackFirstRetryDelay);
    }

    public SandboxConfig withCallbackToken(String callbackToken) {
        return new SandboxConfig(port, secretKey, callbackToken, callbackUrl, publicBaseUrl, callbackMaxAttempts,
                callbackFirstRetryDelay);
    }

    public SandboxConfig withCallbackUrl(String callbackUrl) {
        return new SandboxConfig(port, secretKey, callbackToken, callbackUrl, publicBaseUrl, callbackMaxAttempts,
                callbackFirstRetryDelay);
    }

    public SandboxConfig withPublicBaseUrl(String publicBaseUrl) {
        return new SandboxConfig(port, secretKey, callbackToken, callbackUrl, publicBaseUrl, callbackMaxAttempts,
                callbackFirstRetryDelay);
    }

    public SandboxConfig withCallbackMaxAttempts(int callbackMaxAttempts) {
        return new SandboxConfig(port, secretKey, callbackToken, callbackUrl, publicBaseUrl, callbackMaxAttempts,
                callbackFirstRetryDelay);
    }

    public SandboxConfig withCallbackFirstRetryDelay(Duration callbackFirstRetryDelay) {
        return new SandboxConfig(port, secretKey, callbackToken, callbackUrl, publicBaseUrl, callbackMaxAttempts,
                callbackFirstRetryDelay);
    }

    /** Both values are secrets; they are not shown. */
    @Override
    public String toString() {
        return "SandboxConfig[port=" + port + ", secretKey=***, callbackToken=***, callbackUrl=" + callbackUrl
                + ", publicBaseUrl=" + publicBaseUrl + ", callbackMaxAttempts=" + callbackMaxAttempts
                + ", callbackFirstRetryDelay=" + callbackFirstRetryDelay + "]";
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String stripTrailingSlashes(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    static void requireHttpUrl(String name, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (Exception e) {
            throw new IllegalArgumentException(name + " is not a valid URL: " + value);
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL: " + value);
        }
    }
}
