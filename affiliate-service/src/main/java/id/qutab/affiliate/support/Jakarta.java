package id.qutab.affiliate.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** "Today" and every stats day are calendar days in Asia/Jakarta (DESIGN.md, Money and time). */
public final class Jakarta {

    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private Jakarta() {
    }

    public static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    public static LocalDate today() {
        return day(Instant.now());
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
