package id.qutab.platform.http;

import java.util.UUID;
import java.util.regex.Pattern;

/** {@code X-Request-Id}: echoed when the client sent a sane one, generated otherwise. */
public final class RequestIdHeader {

    public static final String NAME = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIdHeader() {
    }

    public static String acceptOrGenerate(String given) {
        return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
