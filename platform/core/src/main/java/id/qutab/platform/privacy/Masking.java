package id.qutab.platform.privacy;

/**
 * What a person may see of someone else's (or their own sensitive) data: customer names as affiliates see them
 * ({@code Budi Santoso} → {@code Bu** Sa*****}) and account numbers or NIKs as their owner sees them
 * ({@code ******7890}).
 */
public final class Masking {

    /** Shown when the customer's name is unknown or was erased (account deleted). */
    public static final String UNKNOWN = "Pelanggan";

    private Masking() {
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return UNKNOWN;
        }
        StringBuilder out = new StringBuilder();
        for (String word : name.trim().split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word(word));
        }
        return out.toString();
    }

    /** Keeps the first two characters (one for words of two or fewer) and stars the rest, code point by code point. */
    static String word(String word) {
        int[] cps = word.codePoints().toArray();
        int keep = cps.length > 2 ? 2 : Math.min(1, cps.length);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            if (i < keep) {
                out.appendCodePoint(cps[i]);
            } else {
                out.append('*');
            }
        }
        return out.toString();
    }

    /** Only the last four digits ({@code ******7890}); a number of four or fewer digits keeps fewer. */
    public static String lastFour(String digits) {
        if (digits == null) {
            return null;
        }
        int keep = Math.min(4, Math.max(0, digits.length() - 4));
        return "*".repeat(digits.length() - keep) + digits.substring(digits.length() - keep);
    }
}
