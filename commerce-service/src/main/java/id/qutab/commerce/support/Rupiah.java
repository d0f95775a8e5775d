package id.qutab.commerce.support;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Whole rupiah as people read them: {@code Rp 3.250.000}. */
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
