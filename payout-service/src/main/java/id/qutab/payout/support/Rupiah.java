package id.qutab.payout.support;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** {@code Rp 1.500.000}: rupiah as Indonesians write them (no decimals, dots between thousands). */
public final class Rupiah {

    private Rupiah() {
    }

    public static String format(long amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator('.');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        return (amount < 0 ? "-Rp " : "Rp ") + format.format(Math.abs(amount));
    }
}
