package id.qutab.console.loyalty;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.test.junit.QuarkusTest;
import id.qutab.console.web.Pager;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * The loyalty and notification pages render the admin API's answers as CONTRACTS12.md shapes them, including the
 * keys the API leaves out (Qute renders strictly: a missing key read without {@code ??} is an error page), in
 * Indonesian and English. The data is what the API answers, written out; the pages against the real services are
 * LoyaltyNotificationsConsoleIT in system-tests.
 */
@QuarkusTest
class LoyaltyNotificationPagesTest {

    private static final Pager ONE = new Pager(0, 20, 1, 1, 1, null, "/admin/x?page=1");

    @Inject
    @Location("loyalty/rewards.html")
    Template rewards;

    @Inject
    @Location("loyalty/reward.html")
    Template reward;

    @Inject
    @Location("loyalty/tiers.html")
    Template tiers;

    @Inject
    @Location("loyalty/customer.html")
    Template customer;

    @Inject
    @Location("loyalty/lookup.html")
    Template lookup;

    @Inject
    @Location("notifications/templates.html")
    Template templates;

    @Inject
    @Location("notifications/template.html")
    Template template;

    @Inject
    @Location("notifications/history.html")
    Template history;

    @Inject
    @Location("notifications/messages.html")
    Template messages;

    @Inject
    @Location("users/list.html")
    Template users;

    private static final Map<String, Object> FULL_REWARD = map("id", "7d1c5e0a-0000-4000-8000-000000000001",
            "name", "Diskon Rp 250.000", "description", "Potongan di checkout", "pointsCost", 2500,
            "kind", "DISCOUNT", "value", 250000, "stock", 10, "validFrom", "2026-11-01T00:00:00Z",
            "validUntil", "2026-12-31T16:59:00Z", "active", true, "redeemed", 3);
    /** Only the required keys: stock, validity and description left out. */
    private static final Map<String, Object> BARE_REWARD = Map.of("id", "7d1c5e0a-0000-4000-8000-000000000002",
            "name", "Gratis ongkir distribusi", "pointsCost", 1000, "kind", "COUPON", "value", 50000,
            "active", false, "redeemed", 0);

    @Test
    void rewardListWithAndWithoutOptionalFields() {
        String id = render(rewards, "id", Map.of("rewards", List.of(FULL_REWARD, BARE_REWARD), "active", "",
                "pager", ONE));
        assertThat(id, allOf(containsString("data-id=\"7d1c5e0a-0000-4000-8000-000000000001\""),
                containsString("Diskon di checkout"), containsString("Kupon"), containsString("Rp 250.000"),
                containsString("2.500"), containsString("tanpa batas"), containsString("31 Dec 2026 23:59 WIB"),
                containsString("id=\"deactivate-7d1c5e0a-0000-4000-8000-000000000001\""),
                not(containsString("id=\"deactivate-7d1c5e0a-0000-4000-8000-000000000002\""))));
        assertThat(render(rewards, "en", Map.of("rewards", List.of(BARE_REWARD), "active", "false", "pager", ONE)),
                allOf(containsString("Coupon"), containsString("unlimited"), containsString("Loyalty rewards")));
    }

    @Test
    void rewardFormNewAndEdit() {
        Map<String, Object> blank = new HashMap<>(Map.of("active", true, "kind", "DISCOUNT", "validFromLocal", "",
                "validUntilLocal", ""));
        assertThat(render(reward, "id", Map.of("r", blank, "isNew", true)),
                allOf(containsString("action=\"/admin/loyalty/rewards\""), containsString("Hadiah baru")));
        Map<String, Object> bare = new HashMap<>(BARE_REWARD);
        bare.put("validFromLocal", "");
        bare.put("validUntilLocal", "");
        assertThat(render(reward, "en", Map.of("r", bare, "isNew", false)),
                allOf(containsString("action=\"/admin/loyalty/rewards/7d1c5e0a-0000-4000-8000-000000000002\""),
                        containsString("Edit reward Gratis ongkir distribusi"), containsString("Redeemed 0 times."),
                        containsString("<option value=\"COUPON\" selected>"), not(containsString("id=\"deactivate\""))));
    }

    @Test
    void tiersShowTheMultiplierAsTimes() {
        List<Map<String, Object>> ladder = List.of(
                Map.of("code", "BRONZE", "name", "Bronze", "minSpend", 0, "multiplierBps", 10000),
                Map.of("code", "SILVER", "name", "Silver", "minSpend", 5000000, "multiplierBps", 12500),
                Map.of("code", "GOLD", "name", "Gold", "minSpend", 15000000, "multiplierBps", 15000));
        assertThat(render(tiers, "id", Map.of("tiers", ladder)), allOf(
                containsString("<td class=\"num multiplier\">1.25×</td>"), containsString("<td class=\"num multiplier\">1×</td>"),
                containsString("id=\"tier-multiplier-SILVER\" name=\"multiplier\" inputmode=\"decimal\" value=\"1.25\""),
                containsString("id=\"tier-min-spend-GOLD\" name=\"minSpend\" inputmode=\"numeric\" value=\"15000000\""),
                containsString("name=\"code\" value=\"GOLD\"")));
    }

    @Test
    void customerPageWithOptionalKeysLeftOut() {
        Map<String, Object> entries = Map.of("page", 0, "size", 20, "total", 2, "items", List.of(
                Map.of("id", "e1", "type", "ADJUST", "points", 500, "reason", "Kompensasi keterlambatan",
                        "actorId", "a1", "at", "2026-11-30T03:00:00Z"),
                Map.of("id", "e2", "type", "EARN", "points", 325, "orderId", "0b6f8a2e-8e7a-4c1b-9c11-2f0c6f1d7a10",
                        "at", "2026-11-29T03:00:00Z")));
        Map<String, Object> account = Map.of("userId", "u1", "points", 825,
                "tier", Map.of("code", "SILVER", "name", "Silver", "multiplierBps", 12500), "spend12Months", 6500000,
                "expiring", List.of(), "entries", entries);
        Map<String, Object> data = Map.of("a", account, "userId", "u1", "entries", entries.get("items"),
                "pager", ONE, "idempotencyKey", "k1");
        assertThat(render(customer, "id", data), allOf(containsString("id=\"customer-points\" class=\"big\">825<"),
                containsString("Poin didapat 1.25×"), containsString("Rp 6.500.000"),
                containsString("Penyesuaian admin"), containsString("+500"), containsString("+325"),
                containsString("href=\"/admin/orders/0b6f8a2e-8e7a-4c1b-9c11-2f0c6f1d7a10\""),
                containsString("Tidak ada poin yang akan kedaluwarsa."), not(containsString("id=\"customer-review\"")),
                containsString("name=\"idempotencyKey\" value=\"k1\"")));
        Map<String, Object> reviewed = new HashMap<>(account);
        reviewed.put("tierReviewAt", "2027-01-01");
        reviewed.put("points", -40);
        reviewed.put("expiring", List.of(Map.of("points", 300, "on", "2027-11-29")));
        Map<String, Object> english = new HashMap<>(data);
        english.put("a", reviewed);
        assertThat(render(customer, "en", english), allOf(containsString("Next tier review: 1 Jan 2027"),
                containsString(">-40<"), containsString("29 Nov 2027"), containsString("Admin adjustment")));
    }

    @Test
    void lookupListsMatches() {
        assertThat(render(lookup, "id", Map.of("q", "budi", "searched", true, "users",
                        List.of(Map.of("id", "u1", "name", "Budi", "email", "budi@x.id"),
                                Map.of("id", "u2", "name", "Budi S", "email", "budis@x.id")))),
                allOf(containsString("href=\"/admin/loyalty/customers/u1\""), containsString("budis@x.id")));
        assertThat(render(lookup, "en", Map.of("q", "", "searched", false, "users", List.of())),
                not(containsString("id=\"customers\"")));
    }

    @Test
    void usersLinkCustomersToTheirLoyaltyPage() {
        Map<String, Object> customerUser = Map.of("id", "u1", "name", "Budi", "email", "b@x.id",
                "roles", List.of("customer"), "disabled", false, "createdAt", "2026-11-30T03:00:00Z");
        Map<String, Object> adminUser = Map.of("id", "u2", "name", "Admin", "email", "a@x.id",
                "roles", List.of("admin"), "disabled", false, "createdAt", "2026-11-30T03:00:00Z");
        assertThat(render(users, "id", Map.of("users", List.of(customerUser, adminUser), "q", "", "role", "",
                "pager", ONE)), allOf(containsString("id=\"loyalty-u1\" href=\"/admin/loyalty/customers/u1\""),
                not(containsString("id=\"loyalty-u2\""))));
    }

    private static final Map<String, Object> TEMPLATE_V1 = Map.of("id", "t1", "channel", "WHATSAPP",
            "key", "order_paid", "locale", "id", "category", "order",
            "body", "Halo {{customerName}}, pembayaran {{orderNumber}} sebesar {{total}} diterima. {{receiptLink}}",
            "version", 1, "active", true, "createdAt", "2026-11-30T03:00:00Z");

    @Test
    void templatesListFormAndHistory() {
        assertThat(render(templates, "id", Map.of("templates", List.of(TEMPLATE_V1), "channel", "WHATSAPP", "key", "",
                "locale", "", "pager", ONE)), allOf(containsString("<code>order_paid</code>"),
                containsString("v1"), containsString("Pesanan"), containsString("href=\"/admin/notifications/templates/t1/history\""),
                containsString("<option value=\"WHATSAPP\" selected>")));
        String edit = render(template, "id", Map.of("t", TEMPLATE_V1, "isNew", false, "nextVersion", 2L,
                "variables", List.of("customerName", "orderNumber", "total", "receiptLink")));
        assertThat(edit, allOf(containsString("Menyimpan perubahan membuat versi 2"),
                containsString("Simpan sebagai versi 2"), containsString("{{customerName}}"),
                containsString("<code class=\"variable\">receiptLink</code>"),
                containsString("action=\"/admin/notifications/templates/t1\""), not(containsString("name=\"key\""))));
        assertThat(render(template, "en", Map.of("t", Map.of("channel", "WHATSAPP", "locale", "id", "category", "order"),
                "isNew", true, "nextVersion", 1, "variables", List.of())), allOf(containsString("name=\"key\""),
                containsString("Create template"), not(containsString("new-version-notice"))));
        Map<String, Object> v2 = new HashMap<>(TEMPLATE_V1);
        v2.put("id", "t2");
        v2.put("version", 2);
        assertThat(render(history, "en", Map.of("t", v2, "versions", List.of(v2, TEMPLATE_V1), "history", "true",
                "channel", "WHATSAPP", "key", "order_paid", "locale", "id", "pager", ONE)),
                allOf(containsString("Version history of order_paid (id)"), containsString("data-version=\"2\""),
                        containsString("data-version=\"1\"")));
    }

    @Test
    void messageLogWithStatusBadges() {
        List<Map<String, Object>> log = List.of(
                Map.of("id", "m1", "channel", "WHATSAPP", "to", "+6281234567890", "templateKey", "order_paid",
                        "templateVersion", 2, "status", "READ", "at", "2026-11-30T03:00:00Z"),
                Map.of("id", "m2", "channel", "WHATSAPP", "to", "+6281234567891", "templateKey", "order_paid",
                        "templateVersion", 1, "status", "FAILED", "at", "2026-11-30T02:00:00Z",
                        "error", "131026: receiver incapable"));
        String page = render(messages, "id", Map.of("messages", log, "to", "", "status", "", "template", "",
                "channel", "", "pager", ONE));
        assertThat(page, allOf(containsString("badge status-READ\">Dibaca"), containsString("badge status-FAILED\">Gagal"),
                containsString("131026: receiver incapable"), containsString("v2")));
        assertThat(render(messages, "en", Map.of("messages", log, "to", "0812", "status", "FAILED", "template",
                "order_paid", "channel", "WHATSAPP", "pager", ONE)), allOf(containsString("<option value=\"FAILED\" selected>Failed"),
                containsString(">Read<")));
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String render(Template template, String lang, Map<String, Object> data) {
        TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        instance.data("admin", "Admin");
        instance.data("lang", lang);
        instance.data("flash", null);
        instance.setLocale(Locale.forLanguageTag(lang));
        return instance.render();
    }
}
