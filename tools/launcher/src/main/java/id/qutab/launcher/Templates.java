package id.qutab.launcher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Expands {@code ${name}} placeholders in the app list's values; an unknown name is an error, not an empty string. */
final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9._<>-]+)}");

    private Templates() {
    }

    static String expand(String template, Placeholders placeholders, String where) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = placeholders.resolve(m.group(1));
            if (value == null) {
                throw new LauncherException(where + ": unknown placeholder ${" + m.group(1) + "} (known: "
                        + String.join(", ", placeholders.known()) + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
