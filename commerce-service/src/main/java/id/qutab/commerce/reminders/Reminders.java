package id.qutab.commerce.reminders;

import id.qutab.commerce.coupons.PersonalCoupons;
import id.qutab.commerce.family.Relation;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.reports.DayRange;
import id.qutab.platform.web.FrontendConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The reminders due on a Jakarta day, each sent at most once per year per person (or customer) and kind, only to
 * customers who accept promotions. "Sent" = a {@code reminder_log} row and its {@code commerce.reminder.due} event,
 * written in one transaction per reminder; the row's unique key (user, person or none, kind, year) turns a second
 * run, a second instance or a retry after a crash into a no-op. The rules (README "Family dates and reminders"):
 * <ul>
 *   <li>BIRTHDAY: every member on their birthday (29 February → 28 February in other years), with a personal
 *       single-use coupon when {@code birthday-coupon-amount} > 0; the last {@code catch-up-days} are caught up;</li>
 *   <li>AQIQAH, only while the catalogue has an aqiqah package in stock: a CHILD born in the last
 *       {@code aqiqah-newborn-days}, and in the {@code aqiqah-days-before} days before each birthday up to age
 *       {@code aqiqah-until-age}; not when the customer already paid an aqiqah package on the child's name since
 *       the birth. Year of the key: the birth year (newborn) or the birthday's year, so once per child and age;</li>
 *   <li>QURBAN: in the {@code qurban-days-before} days before Eid al-Adha, to customers with an order paid (not
 *       refunded) in the previous Jakarta calendar year; year of the key: Eid's year.</li>
 * </ul>
 */
@ApplicationScoped
public class Reminders {

    public static final String JOB = "reminders";
    /** Below every id in PostgreSQL's order (unsigned bytes; Java's signed compareTo would disagree). */
    private static final UUID FIRST = new UUID(0L, 0L);
    private static final Logger LOG = Logger.getLogger(Reminders.class);

    @Inject
    EntityManager em;

    @Inject
    RemindersConfig config;

    @Inject
    ReminderEvents events;

    @Inject
    PersonalCoupons coupons;

    @Inject
    FrontendConfig frontend;

    @RegisterForReflection
    public record Run(String job, LocalDate day, int birthday, int aqiqah, int qurban) {
    }

    record Person(UUID id, UUID userId, String name, Relation relation, LocalDate birthDate) {
    }

    public Run run(LocalDate today) {
        int birthdays = 0;
        for (int back = Math.max(0, config.catchUpDays()); back >= 0; back--) {
            birthdays += birthdays(today.minusDays(back));
        }
        int aqiqah = aqiqah(today);
        int qurban = qurban(today);
        if (birthdays + aqiqah + qurban > 0) {
            LOG.infof("%s %s: %d birthday, %d aqiqah, %d qurban reminders", JOB, today, birthdays, aqiqah, qurban);
        }
        return new Run(JOB, today, birthdays, aqiqah, qurban);
    }

    // ---- BIRTHDAY --------------------------------------------------------------------------------------------

    private int birthdays(LocalDate day) {
        String link = frontend.base() + "products";
        // ?3: the birth day itself is no birthday; ?4: the key's year.
        return remindMembers("BIRTHDAY", birthdayOn(day) + " AND m.birth_date < ?3", "?4", p -> day.getYear(),
                p -> day,
                (p, id) -> {
                    String code = null;
                    Long amount = null;
                    if (config.birthdayCouponAmount() > 0) {
                        PersonalCoupons.Issued coupon = coupons.issue(p.userId(), "ULTAH",
                                config.birthdayCouponAmount(), Instant.now().plus(config.birthdayCouponValidity()));
                        Sql.update(em, "UPDATE reminder_log SET coupon_id = ?1 WHERE id = ?2", coupon.id(), id);
                        code = coupon.code();
                        amount = coupon.amount();
                    }
                    return new ReminderEvents.Payload(id, p.userId(), "BIRTHDAY", day.getYear(), p.name(),
                            p.relation().name(), null, code, amount, link);
                }, day.getMonthValue(), day.getDayOfMonth(), day, day.getYear());
    }

    /** Members whose birthday is {@code day}: ?1 month, ?2 day; 29 February counts on 28 February of other years. */
    private static String birthdayOn(LocalDate day) {
        return "EXTRACT(MONTH FROM m.birth_date) = ?1 AND EXTRACT(DAY FROM m.birth_date) "
                + (leapDayStandIn(day) ? "IN (?2, 29)" : "= ?2");
    }

    private static boolean leapDayStandIn(LocalDate day) {
        return day.getMonth() == Month.FEBRUARY && day.getDayOfMonth() == 28 && !day.isLeapYear();
    }

    // ---- AQIQAH ----------------------------------------------------------------------------------------------

    private int aqiqah(LocalDate today) {
        long packages = QuarkusTransaction.requiringNew().call(() -> Sql.longValue(Sql.column(em,
                "SELECT count(*) FROM product WHERE aqiqah AND active AND deleted_at IS NULL AND stock > 0").get(0)));
        if (packages == 0) {
            return 0;
        }
        String link = frontend.base() + "products?aqiqah=true";
        String notDone = " " + """
                AND m.relation = 'CHILD' AND NOT EXISTS (
                    SELECT 1 FROM customer_order o JOIN order_line l ON l.order_id = o.id
                    JOIN product p ON p.id = l.product_id
                    WHERE o.user_id = m.user_id AND p.aqiqah AND o.paid_at >= m.birth_date AND o.status <> 'REFUNDED'
                      AND EXISTS (SELECT 1 FROM unnest(l.on_behalf_of) n WHERE lower(trim(n)) = lower(m.name)))""";
        // Newborns: keyed by the birth year, so a child born late in December is not offered again in January.
        int sent = remindMembers("AQIQAH", "m.birth_date BETWEEN ?1 AND ?2" + notDone,
                "CAST(EXTRACT(YEAR FROM m.birth_date) AS int)", p -> p.birthDate().getYear(), p -> today,
                (p, id) -> new ReminderEvents.Payload(id, p.userId(), "AQIQAH", p.birthDate().getYear(), p.name(),
                        p.relation().name(), null, null, null, link),
                today.minusDays(config.aqiqahNewbornDays()), today);
        // Birthdays in the coming days: keyed by the birthday's year (one offer per age).
        for (int ahead = 1; ahead <= config.aqiqahDaysBefore(); ahead++) {
            LocalDate birthday = today.plusDays(ahead);
            // ?3..?4: born 1..aqiqah-until-age years before this birthday; ?5: the key's year.
            sent += remindMembers("AQIQAH", birthdayOn(birthday)
                            + " AND EXTRACT(YEAR FROM m.birth_date) BETWEEN ?3 AND ?4" + notDone,
                    "?5", p -> birthday.getYear(), p -> birthday,
                    (p, id) -> new ReminderEvents.Payload(id, p.userId(), "AQIQAH", birthday.getYear(), p.name(),
                            p.relation().name(), null, null, null, link),
                    birthday.getMonthValue(), birthday.getDayOfMonth(), birthday.getYear() - config.aqiqahUntilAge(),
                    birthday.getYear() - 1, birthday.getYear());
        }
        return sent;
    }

    // ---- QURBAN ----------------------------------------------------------------------------------------------

    /** The Eid whose reminder window [Eid − qurban-days-before, Eid) holds {@code today}. */
    Optional<LocalDate> eidAhead(LocalDate today) {
        return config.eidAlAdha().stream()
                .filter(eid -> !today.isBefore(eid.minusDays(config.qurbanDaysBefore())) && today.isBefore(eid))
                .findFirst();
    }

    private int qurban(LocalDate today) {
        Optional<LocalDate> found = eidAhead(today);
        if (found.isEmpty()) {
            return 0;
        }
        LocalDate eid = found.get();
        int year = eid.getYear();
        Instant from = LocalDate.of(year - 1, 1, 1).atStartOfDay(DayRange.JAKARTA).toInstant();
        Instant to = LocalDate.of(year, 1, 1).atStartOfDay(DayRange.JAKARTA).toInstant();
        String link = frontend.base() + "products";
        int sent = 0;
        UUID after = FIRST;
        while (true) {
            UUID last = after;
            List<UUID> batch = QuarkusTransaction.requiringNew().call(() -> Sql.<UUID>column(em, """
                    SELECT c.id FROM customer c
                    WHERE c.promotions_opt_in AND c.deleted_at IS NULL AND c.id > ?4
                      AND EXISTS (SELECT 1 FROM customer_order o WHERE o.user_id = c.id AND o.paid_at >= ?1
                                  AND o.paid_at < ?2 AND o.status <> 'REFUNDED')
                      AND NOT EXISTS (SELECT 1 FROM reminder_log r WHERE r.user_id = c.id AND r.person_id IS NULL
                                      AND r.kind = 'QURBAN' AND r.year = ?3)
                    ORDER BY c.id LIMIT ?5""", from, to, year, last, config.batchSize()));
            for (UUID userId : batch) {
                boolean done = QuarkusTransaction.requiringNew().call(() -> {
                    UUID id = UUID.randomUUID();
                    int logged = Sql.update(em, """
                            INSERT INTO reminder_log (id, user_id, person_id, kind, year, due_on)
                            SELECT ?1, ?2, NULL, 'QURBAN', ?3, ?4
                            WHERE EXISTS (SELECT 1 FROM customer WHERE id = ?2 AND promotions_opt_in AND deleted_at IS NULL)
                            ON CONFLICT (user_id, person_id, kind, year) DO NOTHING""", id, userId, year, today);
                    if (logged == 0) {
                        return false;
                    }
                    events.record(new ReminderEvents.Payload(id, userId, "QURBAN", year, null, null, eid.toString(),
                            null, null, link));
                    return true;
                });
                sent += done ? 1 : 0;
            }
            if (batch.size() < config.batchSize()) {
                return sent;
            }
            after = batch.get(batch.size() - 1);
        }
    }

    // ---- shared ----------------------------------------------------------------------------------------------

    interface PayloadFor {
        ReminderEvents.Payload of(Person person, UUID reminderId);
    }

    /**
     * Sends {@code kind} to the family members matching {@code condition} (over {@code m}, with {@code args} as ?1…)
     * whose customer accepts promotions and who were not reminded of it in the key's year yet ({@code yearSql}: the
     * key year as SQL). Each one in its own transaction; members are walked by id so each is looked at once.
     */
    private int remindMembers(String kind, String condition, String yearSql, Function<Person, Integer> yearOf,
                              Function<Person, LocalDate> dueOn, PayloadFor payload, Object... args) {
        int afterIndex = args.length + 1;
        String sql = "SELECT m.id, m.user_id, m.name, m.relation, m.birth_date FROM family_member m"
                + " JOIN customer c ON c.id = m.user_id"
                + " WHERE c.promotions_opt_in AND c.deleted_at IS NULL AND " + condition
                + " AND NOT EXISTS (SELECT 1 FROM reminder_log r WHERE r.user_id = m.user_id AND r.person_id = m.id"
                + " AND r.kind = '" + kind + "' AND r.year = " + yearSql + ")"
                + " AND m.id > ?" + afterIndex + " ORDER BY m.id LIMIT " + config.batchSize();
        int sent = 0;
        UUID after = FIRST;
        while (true) {
            List<Object> bound = new ArrayList<>(List.of(args));
            bound.add(after);
            List<Person> batch = QuarkusTransaction.requiringNew().call(() -> Sql.rows(em, sql, bound.toArray())
                    .stream().map(r -> new Person((UUID) r[0], (UUID) r[1], (String) r[2],
                            Relation.valueOf((String) r[3]), localDate(r[4]))).toList());
            for (Person p : batch) {
                boolean done = QuarkusTransaction.requiringNew().call(() -> {
                    UUID id = UUID.randomUUID();
                    int logged = Sql.update(em, """
                            INSERT INTO reminder_log (id, user_id, person_id, kind, year, due_on)
                            SELECT ?1, ?2, ?3, ?4, ?5, ?6
                            WHERE EXISTS (SELECT 1 FROM customer WHERE id = ?2 AND promotions_opt_in AND deleted_at IS NULL)
                              AND EXISTS (SELECT 1 FROM family_member WHERE id = ?3 AND user_id = ?2)
                            ON CONFLICT (user_id, person_id, kind, year) DO NOTHING""",
                            id, p.userId(), p.id(), kind, yearOf.apply(p), dueOn.apply(p));
                    if (logged == 0) {
                        return false;
                    }
                    events.record(payload.of(p, id));
                    return true;
                });
                sent += done ? 1 : 0;
            }
            if (batch.size() < config.batchSize()) {
                return sent;
            }
            after = batch.get(batch.size() - 1).id();
        }
    }

    private static LocalDate localDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        return ((java.sql.Date) value).toLocalDate();
    }
}
