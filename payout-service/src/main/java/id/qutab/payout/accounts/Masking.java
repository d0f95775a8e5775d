package id.qutab.payout.accounts;

/** What an affiliate sees of their own numbers: only the last four digits ({@code ******7890}). */
public final class Masking {

    private Masking() {
    }

    public static String lastFour(String digits) {
        if (digits == null) {
            return null;
        }
        int keep = Math.min(4, Math.max(0, digits.length() - 4));
        return "*".repeat(digits.length() - keep) + digits.substring(digits.length() - keep);
    }
}
