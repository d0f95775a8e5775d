package id.qutab.sandbox.kit;

import java.util.Map;

/** Typed lookups in an environment map; a blank value counts as unset. Bad values are an IllegalArgumentException. */
public final class Env {

    private final Map<String, String> env;

    public Env(Map<String, String> env) {
        this.env = env;
    }

    /** The trimmed value, or {@code fallback} when unset or blank. */
    public String value(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** An integer in {@code min..max}, or {@code fallback} when unset. */
    public int intValue(String name, int fallback, int min, int max) {
        String value = value(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was " + value);
        }
    }
}
