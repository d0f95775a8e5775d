package id.qutab.commerce.reminders;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** {@code qutab.reminders.*}: the daily reminder job (README "Family dates and reminders"). */
@ConfigMapping(prefix = "qutab.reminders")
public interface RemindersConfig {

    /** Whether the schedule runs (the admin endpoint works either way). */
    @WithDefault("true")
    boolean enabled();

    /** When the job runs, a Quarkus cron in Asia/Jakarta time (default 09:00 WIB, a decent hour for a message). */
    @WithDefault("0 0 9 * * ?")
    String cron();

    /** Birthdays of this many past days are still greeted (a day the job did not run); 0 = only today's. */
    @WithDefault("1")
    int catchUpDays();

    /** Rupiah of the single-use personal coupon sent with a birthday greeting; 0 = greeting only. */
    @WithDefault("0")
    long birthdayCouponAmount();

    /** How long a birthday coupon can be redeemed, from when it is issued. */
    @WithDefault("P30D")
    Duration birthdayCouponValidity();

    /** The aqiqah offer for a child's birthday opens this many days before it. */
    @WithDefault("7")
    int aqiqahDaysBefore();

    /** A child born within this many days is offered aqiqah at once (traditionally day 7, 14 or 21). */
    @WithDefault("21")
    int aqiqahNewbornDays();

    /** Birthdays up to this age still get the aqiqah offer (1 = the first birthday only). */
    @WithDefault("1")
    int aqiqahUntilAge();

    /** The qurban reminder window opens this many days before Eid al-Adha and closes the day before. */
    @WithDefault("14")
    int qurbanDaysBefore();

    /** Eid al-Adha (10 Dhu al-Hijjah) per year, as announced for Indonesia; add next years as they are set. */
    @WithDefault("2026-05-27,2027-05-17,2028-05-05,2029-04-24,2030-04-13")
    List<LocalDate> eidAlAdha();

    /** Candidates read per query (each reminder is its own transaction). */
    @WithDefault("200")
    int batchSize();
}
