package id.qutab.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static id.qutab.systemtests.Scenario.as;
import static id.qutab.systemtests.Scenario.await;
import static id.qutab.systemtests.Scenario.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's operations, rules and materials pages in a real browser against the whole platform. The dead
 * letter is a real one: an event in identity's outbox that payout refuses as bad (a {@code userId} that is not a
 * UUID: 400, so DEAD at the first attempt), corrected in the database as an operator would after fixing the
 * producer, then replayed from the console; the test waits for payout to have applied it. Nothing is stopped:
 * the shared platform stays as the other console tests expect it.
 */
@ExtendWith(ConsolePlatform.class)
class OperationsConsoleIT {

    private static Scenario scenario;

    @BeforeAll
    static void admin() {
        scenario = Scenario.asAdmin(ConsolePlatform.ADMIN_EMAIL, ConsolePlatform.ADMIN_PASSWORD);
    }

    @Test
    void replaysDeadLettersOneByOneAndPerDestination() throws Exception {
        Scenario.Account first = register("customer", "Dewi Lestari");
        Scenario.Account second = register("customer", "Agus Salim");
        String firstName = "Dewi Diperbaiki " + UUID.randomUUID().toString().substring(0, 6);
        String secondName = "Agus Diperbaiki " + UUID.randomUUID().toString().substring(0, 6);
        UUID one = deadLetterFor(first, firstName);
        UUID two = deadLetterFor(second, secondName);
        await("both events refused by payout and dead", () -> "DEAD".equals(status(one)) && "DEAD".equals(status(two)));

        try (Browser browser = new Browser(ConsolePlatform.gateway())) {
            browser.loginAsAdmin();
            browser.open("/admin/operations?service=identity");
            WebElement row = browser.find(By.cssSelector("#dead-letters tr[data-id='" + one + "']"));
            assertEquals("identity.user.updated", row.findElement(By.cssSelector(".type")).getText());
            assertEquals("payout", row.findElement(By.cssSelector(".destination")).getText());
            assertEquals(first.userId(), row.findElement(By.cssSelector(".aggregate")).getText());
            assertEquals("1", row.findElement(By.cssSelector(".attempts")).getText());
            assertTrue(row.findElement(By.cssSelector(".last-error")).getText()
                            .startsWith("HTTP 400: identity.user.updated: userId must be a UUID."),
                    row.findElement(By.cssSelector(".last-error")).getText());
            assertTrue(row.findElement(By.cssSelector(".age")).getText().matches("\\d+ menit"),
                    row.findElement(By.cssSelector(".age")).getText());
            browser.find(By.cssSelector("#dead-letters tr[data-id='" + two + "']"));
            long listed = Long.parseLong(browser.text(By.cssSelector("#service-identity .count")));
            assertTrue(listed >= 2, "identity's tab counts its dead letters: " + listed);

            browser.screenshot("operations-dead-letters");

            // the producer's bug is fixed: the stored events now carry the real user id
            fix(one, first.userId());
            fix(two, second.userId());

            String replayed = flashAfter(browser, () -> browser.clickAndConfirm(By.id("replay-" + one),
                    "identity.user.updated"));
            assertTrue(replayed.contains(one.toString()) && replayed.contains("PENDING"), replayed);
            await("replayed event delivered", () -> "SENT".equals(status(one)));
            await("payout applied the replayed event", () -> firstName.equals(payoutContactName(first.userId())));
            assertEquals("DEAD", status(two), "replaying one leaves the others dead");

            // the other one with every dead letter of identity to payout
            browser.open("/admin/operations?service=identity");
            assertTrue(browser.all(By.cssSelector("#dead-letters tr[data-id='" + one + "']")).isEmpty(),
                    "a delivered event is no longer a dead letter");
            String bulk = flashAfter(browser, () -> browser.clickAndConfirm(By.id("replay-all-payout"), "payout"));
            assertTrue(bulk.matches("[1-9]\\d* dead letter identity ke payout dikirim ulang\\."), bulk);
            await("bulk-replayed event delivered", () -> "SENT".equals(status(two)));
            await("payout applied it", () -> secondName.equals(payoutContactName(second.userId())));

            browser.open("/admin/operations?service=identity");
            assertTrue(browser.all(By.cssSelector("#dead-letters tr[data-id='" + one + "']")).isEmpty());
            assertTrue(browser.all(By.cssSelector("#dead-letters tr[data-id='" + two + "']")).isEmpty());
            List<Map<String, Object>> stillDead = as(scenario.adminToken())
                    .get("/api/admin/events/identity/dead-letters?size=100").then().statusCode(200)
                    .extract().path("items");
            assertTrue(stillDead.stream().noneMatch(d -> one.toString().equals(d.get("id"))
                    || two.toString().equals(d.get("id"))), "the API lists neither: " + stillDead);
            browser.screenshot("operations-dead-letters-replayed");
        }
    }

    @Test
    void runsAJobAndShowsItsAnswer() throws Exception {
        try (Browser browser = new Browser(ConsolePlatform.gateway())) {
            browser.loginAsAdmin();
            browser.open("/admin/operations");
            for (String job : List.of("payment-expiry", "retention", "sales-rollup", "commission-maturation",
                    "stats-aggregation", "click-cleanup", "tier-recalculation", "ktp-rekey",
                    "payout-idempotency-retention")) {
                browser.find(By.id("run-" + job));
            }
            String flash = flashAfter(browser, () -> browser.click(By.id("run-stats-aggregation")));
            assertTrue(flash.startsWith("Job stats-aggregation selesai: {"), flash);
            Matcher processed = Pattern.compile("\"processed\":(\\d+)").matcher(flash);
            assertTrue(processed.find(), flash);
            assertTrue(flash.contains("\"job\":\"stats-aggregation\"") && flash.contains("\"days\":["), flash);
            assertEquals("/admin/operations", browser.path());

            // an idempotent job: run again from the console, the API's second answer has nothing left to do
            flashAfter(browser, () -> browser.click(By.id("run-tier-recalculation")));
            String again = flashAfter(browser, () -> browser.click(By.id("run-tier-recalculation")));
            assertEquals("Job tier-recalculation selesai: {\"job\":\"tier-recalculation\",\"processed\":0}", again);
            browser.screenshot("operations-job-run");
        }
    }

    @Test
    void maintainsCommissionRulesAndTiers() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        String category = "uji-" + suffix;
        String tier = "Uji " + suffix;
        // far above any test's sales, so the new tier re-places nobody on the shared platform
        long threshold = 900_000_000_000L + Math.abs(suffix.hashCode() % 1_000_000);
        try (Browser browser = new Browser(ConsolePlatform.gateway())) {
            browser.loginAsAdmin();
            browser.open("/admin/rules");

            // both a rate and a flat amount: the API refuses, and its validation detail is what the admin reads
            browser.type(By.id("rule-category"), category).type(By.id("rule-rate"), "5").type(By.id("rule-flat"), "100000");
            String refused = flashAfter(browser, () -> browser.click(By.id("create-rule")));
            assertTrue(refused.contains("rateBps: give exactly one of rateBps and flatAmountPerUnit"), refused);
            assertTrue(ruleOf(category).isEmpty());

            browser.type(By.id("rule-category"), category).type(By.id("rule-rate"), "12,5");
            assertEquals("Aturan komisi " + category + " disimpan (12.5%).",
                    flashAfter(browser, () -> browser.click(By.id("create-rule"))));
            Map<String, Object> rule = ruleOf(category).orElseThrow();
            assertEquals(1250, rule.get("rateBps"));
            assertEquals(null, rule.get("flatAmountPerUnit"));
            assertEquals(true, rule.get("active"));
            WebElement row = browser.find(By.cssSelector("#commission-rules tr[data-id='" + rule.get("id") + "']"));
            assertEquals("12.5%", row.findElement(By.cssSelector(".rate")).getText());

            // edited to a flat amount per animal, asked for confirmation first
            browser.click(By.id("edit-rule-" + rule.get("id")));
            browser.type(By.id("rule-rate"), "").type(By.id("rule-flat"), "150.000");
            assertEquals("Aturan komisi " + category + " disimpan (Rp 150.000).",
                    flashAfter(browser, () -> browser.clickAndConfirm(By.id("save-rule"), category)));
            rule = ruleOf(category).orElseThrow();
            assertEquals(null, rule.get("rateBps"));
            assertEquals(150000, ((Number) rule.get("flatAmountPerUnit")).intValue());

            // a tier: threshold in rupiah, bonus in %
            browser.type(By.id("tier-name"), tier).type(By.id("tier-threshold"), Long.toString(threshold))
                    .type(By.id("tier-bonus"), "0,75");
            String saved = flashAfter(browser, () -> browser.click(By.id("create-tier")));
            assertTrue(saved.startsWith("Tier " + tier + " disimpan") && saved.endsWith("bonus 0.75%)."), saved);
            Map<String, Object> created = tierOf(tier).orElseThrow();
            assertEquals(threshold, ((Number) created.get("minSales90d")).longValue());
            assertEquals(75, created.get("bonusBps"));
            // a second tier on the same threshold: the API's 409 detail
            browser.type(By.id("tier-name"), tier + " B").type(By.id("tier-threshold"), Long.toString(threshold))
                    .type(By.id("tier-bonus"), "1");
            assertEquals("There is already a tier with this threshold.",
                    flashAfter(browser, () -> browser.click(By.id("create-tier"))));
            // a bonus finer than a basis point is refused before the API
            browser.type(By.id("tier-name"), tier + " C").type(By.id("tier-threshold"), Long.toString(threshold + 1))
                    .type(By.id("tier-bonus"), "0,125");
            String tooPrecise = flashAfter(browser, () -> browser.click(By.id("create-tier")));
            assertTrue(tooPrecise.startsWith("Persentase paling banyak dua angka"), tooPrecise);
            assertTrue(tierOf(tier + " C").isEmpty());
            browser.screenshot("rules-created");

            // both removed again, so the shared platform's ladder and rules are as they were
            Object tierId = created.get("id");
            Object ruleId = rule.get("id");
            assertEquals("Tier dihapus; afiliasi ditempatkan ulang.",
                    flashAfter(browser, () -> browser.clickAndConfirm(By.id("delete-tier-" + tierId), tier)));
            assertEquals("Aturan komisi dihapus.",
                    flashAfter(browser, () -> browser.clickAndConfirm(By.id("delete-rule-" + ruleId), "Rp 150.000")));
            assertTrue(ruleOf(category).isEmpty());
            assertTrue(tierOf(tier).isEmpty());
            browser.screenshot("rules-deleted");
        }
    }

    @Test
    void maintainsPromotionalMaterials() throws Exception {
        String title = "Caption uji " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = new Browser(ConsolePlatform.gateway())) {
            browser.loginAsAdmin();
            browser.open("/admin/materials");
            // a banner without its image: the API's field error
            browser.type(By.id("title"), title);
            String noImage = flashAfter(browser, () -> browser.click(By.id("create-material")));
            assertTrue(noImage.contains("imageUrl: a banner needs an image URL"), noImage);

            browser.type(By.id("title"), title);
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("kind"))).selectByValue("CAPTION");
            browser.type(By.id("caption"), "Yuk berqurban bersama Qutab!");
            assertEquals("Materi \"" + title + "\" ditambahkan.",
                    flashAfter(browser, () -> browser.click(By.id("create-material"))));
            Map<String, Object> material = materialOf(title).orElseThrow();
            assertEquals("CAPTION", material.get("kind"));
            assertEquals("Yuk berqurban bersama Qutab!", material.get("caption"));

            browser.click(By.id("edit-" + material.get("id")));
            browser.type(By.id("title"), title + " v2");
            browser.click(By.id("active")); // unchecked: hidden from affiliates
            assertEquals("Materi \"" + title + " v2\" disimpan.",
                    flashAfter(browser, () -> browser.click(By.id("save-material"))));
            Map<String, Object> edited = materialOf(title + " v2").orElseThrow();
            assertEquals(false, edited.get("active"));

            Object materialId = material.get("id");
            assertEquals("Materi dihapus.",
                    flashAfter(browser, () -> browser.clickAndConfirm(By.id("delete-" + materialId), title + " v2")));
            assertTrue(materialOf(title + " v2").isEmpty());
            browser.screenshot("materials");
        }
    }

    /** Does {@code action} (a form post) and reads the flash of the page it leads to, never the one before. */
    private static String flashAfter(Browser browser, Runnable action) {
        WebElement before = browser.find(By.tagName("html"));
        action.run();
        browser.awaitReplaced(before);
        return browser.flash();
    }

    // --- the dead letter ------------------------------------------------------------------------------------

    /**
     * A copy of identity's real event for {@code account}, as {@code identity.user.updated} with a new name and a
     * {@code userId} payout cannot read: payout answers 400, so the row is DEAD at its first attempt.
     */
    private static UUID deadLetterFor(Scenario.Account account, String newName) throws SQLException {
        await("identity recorded the registration for payout", () -> query(
                "SELECT count(*) FROM identity.outbox WHERE aggregate_id = ? AND destination = 'payout'"
                        + " AND event_type = 'identity.user.registered' AND status = 'SENT'", account.userId()) > 0);
        UUID id = UUID.randomUUID();
        try (Connection c = SystemTestSupport.connect(ConsolePlatform.platform().adminDatabase());
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO identity.outbox (id, event_id, destination, event_type, aggregate_id, occurred_at,
                                                  version, payload)
                     SELECT ?, ?, destination, 'identity.user.updated', aggregate_id, now(), version,
                            jsonb_set(jsonb_set(payload, '{userId}', '"not-a-uuid"'), '{name}', to_jsonb(?::text))
                     FROM identity.outbox
                     WHERE aggregate_id = ? AND destination = 'payout' AND event_type = 'identity.user.registered'""")) {
            ps.setObject(1, id);
            ps.setObject(2, UUID.randomUUID());
            ps.setString(3, newName);
            ps.setString(4, account.userId());
            assertEquals(1, ps.executeUpdate());
        }
        return id;
    }

    private static void fix(UUID row, String userId) throws SQLException {
        try (Connection c = SystemTestSupport.connect(ConsolePlatform.platform().adminDatabase());
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE identity.outbox SET payload = jsonb_set(payload, '{userId}', to_jsonb(?::text)) WHERE id = ?")) {
            ps.setString(1, userId);
            ps.setObject(2, row);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private static String status(UUID row) {
        return text("SELECT status FROM identity.outbox WHERE id = ?::uuid", row.toString());
    }

    private static String payoutContactName(String userId) {
        return text("SELECT name FROM payout.user_contact WHERE user_id = ?::uuid", userId);
    }

    private static long query(String sql, String parameter) {
        String value = text(sql, parameter);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String text(String sql, String parameter) {
        try (Connection c = SystemTestSupport.connect(ConsolePlatform.platform().adminDatabase());
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    // --- the API's view -------------------------------------------------------------------------------------

    private static java.util.Optional<Map<String, Object>> ruleOf(String category) {
        return byField("/api/admin/commission-rules?size=100", "category", category);
    }

    private static java.util.Optional<Map<String, Object>> tierOf(String name) {
        return byField("/api/admin/tiers?size=100", "name", name);
    }

    private static java.util.Optional<Map<String, Object>> materialOf(String title) {
        return byField("/api/admin/materials?size=100", "title", title);
    }

    private static java.util.Optional<Map<String, Object>> byField(String path, String field, String value) {
        List<Map<String, Object>> items = as(scenario.adminToken()).get(path).then().statusCode(200)
                .extract().path("items");
        return items.stream().filter(i -> value.equals(i.get(field))).findFirst();
    }
}
