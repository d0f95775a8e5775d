package id.qutab.platform.money;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Money is whole rupiah in a {@code long} everywhere (DESIGN.md); this is how people read it in mails and
 * PDFs: {@code Rp 3.250.000} (dots between thousands, no decimals).
 */
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
