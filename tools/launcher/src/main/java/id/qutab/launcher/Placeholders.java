package id.qutab.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code ${...}} may name in the app list's values: fixed values ({@code url}, {@code port},
 * {@code app.<name>.url}, {@code data.dir}, {@code repo.dir}, {@code jwt.private-key}, {@code jwt.public-key})
 * and generated values kept in {@code <data>/secrets/<name>}: {@code secret.<name>} (32 URL-safe characters) and
 * {@code aes-key.<name>} (base64 of 32 random bytes).
 */
final class Placeholders {

    private static final String SECRET = "secret.";
    private static final String AES_KEY = "aes-key.";

    private final Map<String, String> values;
    private final LocalSecrets secrets;

    Placeholders(Map<String, String> values, LocalSecrets secrets) {
        this.values = Map.copyOf(values);
        this.secrets = secrets;
    }

    /** The value, or null for a name that is not known. */
    String resolve(String name) {
        if (name.startsWith(SECRET) && name.length() > SECRET.length()) {
            return secrets.password(name.substring(SECRET.length()));
        }
        if (name.startsWith(AES_KEY) && name.length() > AES_KEY.length()) {
            return secrets.aesKey(name.substring(AES_KEY.length()));
        }
        return values.get(name);
    }

    List<String> known() {
        List<String> names = new ArrayList<>(values.keySet());
        names.sort(String::compareTo);
        names.add(SECRET + "<name>");
        names.add(AES_KEY + "<name>");
        return names;
    }
}
