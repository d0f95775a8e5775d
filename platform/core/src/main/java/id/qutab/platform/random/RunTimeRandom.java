package id.qutab.platform.random;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one {@link SecureRandom} of an app, made on first use at run time.
 *
 * <p>Why not {@code static final SecureRandom RANDOM = new SecureRandom()} in each class: a native image runs
 * the class initialisers of application classes at build time, so such a field would be created on the build
 * machine and frozen into the image heap with its seed (GraalVM refuses the build: "Detected an instance of
 * Random/SplittableRandom class in the image heap"). Here the class initialiser leaves the field empty; the first
 * caller, at run time, creates it. {@code id.qutab.testing.NativeReadiness} fails an app whose class initialisers
 * create a random, a clock reading, a key or an environment read.
 */
public final class RunTimeRandom {

    private static volatile SecureRandom secure;

    private RunTimeRandom() {
    }

    /** The app's shared SecureRandom (thread-safe), created at run time by its first caller. */
    public static SecureRandom secure() {
        SecureRandom random = secure;
        if (random == null) {
            synchronized (RunTimeRandom.class) {
                random = secure;
                if (random == null) {
                    random = new SecureRandom();
                    secure = random;
                }
            }
        }
        return random;
    }

    /** {@code count} random bytes. */
    public static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        secure().nextBytes(bytes);
        return bytes;
    }

    /** {@code byteCount} random bytes, base64url without padding: an opaque token. */
    public static String token(int byteCount) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(byteCount));
    }

    /** {@code length} characters drawn uniformly from {@code alphabet}: codes people read and type. */
    public static String code(String alphabet, int length) {
        SecureRandom random = secure();
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString();
    }
}
