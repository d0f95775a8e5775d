package id.qutab.whatsapp.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link WhatsAppSandbox} behaves.
 *
 * @param port                   TCP port to listen on (loopback only); {@code 0} picks a free port
 * @param accessToken            the token clients must send as {@code Authorization: Bearer <token>}
 * @param appSecret              key of the {@code X-Hub-Signature-256} HMAC-SHA256 over every webhook body
 * @param phoneNumberId          the only phone number id messages may be sent from ({@code /{version}/{id}/messages})
 * @param businessAccountId      the {@code entry[].id} of every webhook (the WhatsApp Business Account)
 * @param callbackUrl            where status webhooks are POSTed; {@code null} = not known yet, attempts fail until set
 * @param failDigit              recipients whose number ends in this digit get {@code failed} instead of
 *                               {@code delivered}; {@code null} = every message is delivered
 * @param webhookMaxAttempts     tries per webhook (first included), at least 1
 * @param webhookFirstRetryDelay delay before the second try; it doubles per try, capped at {@code webhookMaxRetryDelay}
 * @param webhookMaxRetryDelay   the cap of the doubling delay
 */
public record SandboxConfig(
        int port,
        String accessToken,
        String appSecret,
        String phoneNumberId,
        String businessAccountId,
        String callbackUrl,
        Character failDigit,
        int webhookMaxAttempts,
        Duration webhookFirstRetryDelay,
        Duration webhookMaxRetryDelay) {

    public static final String DEFAULT_ACCESS_TOKEN = "sandbox-whatsapp-token";
    public static final String DEFAULT_APP_SECRET = "sandbox-whatsapp-app-secret";
    public static final String DEFAULT_PHONE_NUMBER_ID = "106540352242922";
    public static final String DEFAULT_BUSINESS_ACCOUNT_ID = "102290129340398";
    public static final char DEFAULT_FAIL_DIGIT = '9';
    public static final int DEFAULT_WEBHOOK_MAX_ATTEMPTS = 10;
    public static final Duration DEFAULT_WEBHOOK_FIRST_RETRY_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_WEBHOOK_MAX_RETRY_DELAY = Duration.ofMinutes(1);

    public SandboxConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        requireText("accessToken", accessToken);
        requireText("appSecret", appSecret);
        requireText("phoneNumberId", phoneNumberId);
        requireText("businessAccountId", businessAccountId);
        if (!phoneNumberId.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("phoneNumberId must be digits, was " + phoneNumberId);
        }
        callbackUrl = callbackUrl == null || callbackUrl.isBlank() ? null : callbackUrl.trim();
        if (callbackUrl != null) {
            requireHttpUrl(callbackUrl);
        }
        if (failDigit != null && !Character.isDigit(failDigit)) {
            throw new IllegalArgumentException("failDigit must be a digit, was " + failDigit);
        }
        if (webhookMaxAttempts < 1) {
            throw new IllegalArgumentException("webhookMaxAttempts must be at least 1, was " + webhookMaxAttempts);
        }
        Objects.requireNonNull(webhookFirstRetryDelay, "webhookFirstRetryDelay");
        Objects.requireNonNull(webhookMaxRetryDelay, "webhookMaxRetryDelay");
        if (webhookFirstRetryDelay.isNegative() || webhookMaxRetryDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
    }

    /**
     * Random free port, the default token, app secret and ids, no callback URL yet, numbers ending in 9 fail,
     * 10 webhook tries from 1 s doubling up to 1 min.
     */
    public static SandboxConfig defaults() {
        return new SandboxConfig(0, DEFAULT_ACCESS_TOKEN, DEFAULT_APP_SECRET, DEFAULT_PHONE_NUMBER_ID,
                DEFAULT_BUSINESS_ACCOUNT_ID, null, DEFAULT_FAIL_DIGIT, DEFAULT_WEBHOOK_MAX_ATTEMPTS,
                DEFAULT_WEBHOOK_FIRST_RETRY_DELAY, DEFAULT_WEBHOOK_MAX_RETRY_DELAY);
    }

    public SandboxConfig withPort(int port) {
        return new SandboxConfig(port, accessToken, appSecret, phoneNumberId, businessAccountId, callbackUrl, failDigit,
                webhookMaxAttempts, webhookFirstRetryDelay, webhookMaxRetryDelay);
    }

    public SandboxConfig withAccessToken(String accessToken) {
        return new SandboxConfig(port, accessToken, appSecret, phoneNumberId, businessAccountId, callbackUrl, failDigit,
                webhookMaxAttempts, webhookFirstRetryDelay, webhookMaxRetryDelay);
    }

    public SandboxConfig withAppSecret(String appSecret) {
        return new SandboxConfig(port, accessToken, appSecret, phoneNumberId, businessAccountId, callbackUrl, failDigit,
                webhookMaxAttempts, webhookFirstRetryDelay, webhookMaxRetryDelay);
    }

    public SandboxConfig withPhoneNumberId(String phoneNumberId) {
        return new SandboxConfig(port, accessToken, appSecret, phoneNumberId, businessAccountId, callbackUrl, failDigit,
                webhookMaxAttempts, webhookFirstRetryDelay, webhookMaxRetryDelay);
    }

    public SandboxConfig withCallbackUrl(String callbackUrl) {
        return new SandboxConfig(port, accessToken, appSecret, phoneNumberId, businessAccountId, callbackUrl, failDigit,
                webhookMaxAttempts, webhookFirstRetryDelay, webhookMaxRetryDelay);
    }

    public SandboxConfig withFailDigit(Character failDigit) {
        return new SandboxConfig(port, accessToken, appSecret, phoneNumberId, businessAccountId, callbackUrl, failDigit,
                webhookMaxAttempts, webhookFirstRetryDelay, webhookMaxRetryDelay);
    }

    public SandboxConfig withWebhookMaxAttempts(int webhookMaxAttempts) {
        return new SandboxConfig(port, accessToken, appSecret, phoneNumberId, businessAccountId, callbackUrl, failDigit,
                webhookMaxAttempts, webhookFirstRetryDelay, webhookMaxRetryDelay);
    }

    public SandboxConfig withWebhookRetryDelays(Duration first, Duration max) {
        return new SandboxConfig(port, accessToken, appSecret, phoneNumberId, businessAccountId, callbackUrl, failDigit,
                webhookMaxAttempts, first, max);
    }

    /** The token and the app secret are secrets; they are not shown. */
    @Override
    public String toString() {
        return "SandboxConfig[port=" + port + ", accessToken=***, appSecret=***, phoneNumberId=" + phoneNumberId
                + ", businessAccountId=" + businessAccountId + ", callbackUrl=" + callbackUrl + ", failDigit="
                + failDigit + ", webhookMaxAttempts=" + webhookMaxAttempts + ", webhookFirstRetryDelay="
                + webhookFirstRetryDelay + ", webhookMaxRetryDelay=" + webhookMaxRetryDelay + "]";
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    static void requireHttpUrl(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (Exception e) {
            throw new IllegalArgumentException("callbackUrl is not a valid URL: " + value);
        }
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("callbackUrl must be an absolute http(s) URL: " + value);
        }
    }
}
