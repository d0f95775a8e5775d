package id.qutab.affiliate.clicks;

import id.qutab.affiliate.support.Affiliates;
import id.qutab.testing.TestDb;
import id.qutab.affiliate.support.Jakarta;
import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Acceptance 3: 1,000 clicks from 50 visitors → 1,000 raw clicks, 50 unique in daily_stats; the dashboard equals a
 * recount from raw data, and so does a rebuild; bots are not counted; a visitor counts once per 24 h.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ClickCountingTest {

    @Inject
    TestDb db;

    @Inject
    ClickFlusher flusher;

    @TestHTTPResource("/")
    URI base;

    /** Plain JDK client with keep-alive: a thousand requests in a second or two, not RestAssured's half minute. */
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).build();

    private int click(String code, String ip, String userAgent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/r/" + code)).GET();
        if (userAgent != null) {
            request.header("User-Agent", userAgent); // without one, the JDK's own agent: a bot
        }
        if (ip != null) {
            request.header("X-Forwarded-For", ip);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String browser(int visitor) {
        return "Mozilla/5.0 (Linux; Android 14; Pixel " + visitor + ") AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36";
    }

    @Test
    void thousandClicksFromFiftyVisitorsAreThousandRawAndFiftyUnique() throws Exception {
        Affiliates.Made a = Affiliates.approved("Klik", "Seribu");
        List<Runnable> requests = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (int v = 0; v < 50; v++) {
                // visitors 0–24 share an IP with visitor v+25 but not the browser: distinct IP/UA pairs all
                int visitor = v;
                requests.add(() -> assertEquals(302, click(a.code(), "198.51.100." + (visitor % 25), browser(visitor))));
            }
        }
        for (String bot : List.of("Googlebot/2.1 (+http://www.google.com/bot.html)", "facebookexternalhit/1.1",
                "WhatsApp/2.24.1 A", "curl/8.5.0", "python-requests/2.31")) {
            for (int i = 0; i < 6; i++) {
                requests.add(() -> assertEquals(302, click(a.code(), "192.0.2.1", bot)));
            }
        }
        requests.add(() -> assertEquals(302, click(a.code(), "192.0.2.2", null)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        requests.forEach(r -> done.add(pool.submit(r)));
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        flusher.flush();

        assertEquals(1000, db.count("SELECT count(*) FROM click WHERE affiliate_id = ? AND NOT bot", a.id()));
        assertEquals(31, db.count("SELECT count(*) FROM click WHERE affiliate_id = ? AND bot", a.id()));
        assertEquals(50, db.count("SELECT count(*) FROM click WHERE affiliate_id = ? AND unique_visit", a.id()));
        assertEquals(50, db.count("SELECT count(DISTINCT visitor_hash) FROM click WHERE affiliate_id = ? AND NOT bot", a.id()));
        assertEquals(0, db.count("SELECT count(*) FROM click WHERE affiliate_id = ? AND bot AND unique_visit", a.id()));
        assertEquals(List.of(1000L, 50L), db.rows("SELECT sum(clicks)::bigint, sum(unique_clicks)::bigint FROM daily_stats"
                + " WHERE affiliate_id = ?", a.id()).get(0));

        // the dashboard (daily_stats only) equals a recount from the raw clicks
        long rawClicks = db.count("SELECT count(*) FROM click WHERE affiliate_id = ? AND NOT bot AND clicked_at >= ?",
                a.id(), Jakarta.startOf(Jakarta.today()));
        long rawUnique = db.count("SELECT count(*) FROM click WHERE affiliate_id = ? AND unique_visit AND clicked_at >= ?",
                a.id(), Jakarta.startOf(Jakarta.today()));
        given().auth().oauth2(a.token()).queryParam("period", "today").get("/api/affiliate/dashboard")
                .then().statusCode(200)
                .body("clicks", equalTo((int) rawClicks)).body("uniqueClicks", equalTo((int) rawUnique))
                .body("today.clicks", equalTo((int) rawClicks));
        given().auth().oauth2(a.token()).queryParam("period", "7d").get("/api/affiliate/stats")
                .then().statusCode(200).body("series.size()", equalTo(7))
                .body("totals.clicks", equalTo(1000)).body("totals.uniqueClicks", equalTo(50));

        // a rebuild from raw data gives the same numbers; drift is repaired; a second run changes nothing
        LocalDate today = Jakarta.today();
        runStats(today);
        assertEquals(List.of(rawClicks, rawUnique), db.rows("SELECT clicks, unique_clicks FROM daily_stats"
                + " WHERE affiliate_id = ? AND day = ?", a.id(), today).get(0));
        db.exec("UPDATE daily_stats SET clicks = 7, unique_clicks = 700 WHERE affiliate_id = ? AND day = ?", a.id(), today);
        runStats(today).body("processed", equalTo(1)).body("days[0]", equalTo(today.toString()));
        runStats(today).body("processed", equalTo(0));
        given().auth().oauth2(a.token()).queryParam("period", "today").get("/api/affiliate/dashboard")
                .then().body("clicks", equalTo((int) rawClicks)).body("uniqueClicks", equalTo((int) rawUnique));
    }

    @Test
    void aVisitorCountsOncePerAffiliateWithinTwentyFourHours() {
        Affiliates.Made a = Affiliates.approved("Klik", "Unik");
        Affiliates.Made b = Affiliates.approved("Klik", "Lain");
        String ip = "198.51.100.200";
        String ua = browser(999);
        click(a.code(), ip, ua);
        click(a.code(), ip, ua);
        click(b.code(), ip, ua); // another affiliate: unique for them
        flusher.flush();
        assertEquals(List.of(List.of(true), List.of(false)), db.rows(
                "SELECT unique_visit FROM click WHERE affiliate_id = ? ORDER BY clicked_at", a.id()));
        assertEquals(1, db.count("SELECT count(*) FROM click WHERE affiliate_id = ? AND unique_visit", b.id()));

        // 23 h later: still the same visit
        db.exec("UPDATE click SET clicked_at = clicked_at - interval '23 hours' WHERE affiliate_id = ?", a.id());
        click(a.code(), ip, ua);
        flusher.flush();
        assertEquals(1, db.count("SELECT count(*) FROM click WHERE affiliate_id = ? AND unique_visit", a.id()));
        // more than 24 h after the counted visit: counts again, once
        db.exec("UPDATE click SET clicked_at = clicked_at - interval '2 hours' WHERE affiliate_id = ?", a.id());
        click(a.code(), ip, ua);
        click(a.code(), ip, ua);
        flusher.flush();
        assertEquals(2, db.count("SELECT count(*) FROM click WHERE affiliate_id = ? AND unique_visit", a.id()));
        // a different browser on the same IP is another visitor
        click(a.code(), ip, browser(998));
        flusher.flush();
        assertEquals(3, db.count("SELECT count(*) FROM click WHERE affiliate_id = ? AND unique_visit", a.id()));
    }

    @Test
    void cleanupRemovesOldRawClicksOnlyAfterSummarizingThem() {
        Affiliates.Made a = Affiliates.approved("Klik", "Lama");
        LocalDate old = Jakarta.today().minusDays(100);
        Instant at = Jakarta.startOf(old).plus(Duration.ofHours(10));
        for (int i = 0; i < 5; i++) {
            db.exec("INSERT INTO click (id, affiliate_id, code, clicked_at, visitor_hash, bot, unique_visit)"
                    + " VALUES (?, ?, ?, ?, decode(md5(?), 'hex'), ?, ?)",
                    UUID.randomUUID(), a.id(), a.code(), at.plusSeconds(i), "v" + (i % 2), i == 4, i < 2);
        }
        // a recent click stays
        click(a.code(), "198.51.100.9", browser(1));
        flusher.flush();

        given().auth().oauth2(Affiliates.admin()).post("/api/admin/jobs/click-cleanup/run").then().statusCode(200)
                .body("job", equalTo("click-cleanup")).body("processed", equalTo(5));
        assertEquals(0, db.count("SELECT count(*) FROM click WHERE affiliate_id = ? AND clicked_at < ?", a.id(),
                Jakarta.startOf(old.plusDays(1))));
        assertEquals(1, db.count("SELECT count(*) FROM click WHERE affiliate_id = ?", a.id()));
        assertEquals(List.of(4L, 2L), db.rows("SELECT clicks, unique_clicks FROM daily_stats WHERE affiliate_id = ? AND day = ?",
                a.id(), old).get(0));
        given().auth().oauth2(Affiliates.admin()).post("/api/admin/jobs/click-cleanup/run").then().statusCode(200)
                .body("processed", equalTo(0));
        // rebuilding that old day keeps the summarized click numbers (their raw rows are gone)
        runStats(old).body("processed", equalTo(0));
        assertEquals(List.of(4L, 2L), db.rows("SELECT clicks, unique_clicks FROM daily_stats WHERE affiliate_id = ? AND day = ?",
                a.id(), old).get(0));
    }

    @Inject
    ClickBatchWriter writer;

    @Test
    void twoInstancesFlushingTheSameVisitorAtOnceCountItOnce() throws Exception {
        Affiliates.Made a = Affiliates.approved("Klik", "Serentak");
        byte[] visitor = new UniqueVisitor("any-salt").hash("198.51.100.77", browser(77));
        Instant now = Instant.now();
        for (int round = 0; round < 5; round++) {
            Instant at = now.plusSeconds(round * 25L * 3600); // 25 h apart: each round is a new visit
            List<Click> one = List.of(new Click(ClickIds.next(), a.id(), a.code(), at, visitor, false, null));
            List<Click> other = List.of(new Click(ClickIds.next(), a.id(), a.code(), at.plusMillis(1), visitor, false, null));
            ExecutorService two = Executors.newFixedThreadPool(2);
            Future<Integer> x = two.submit(() -> writer.write(one));
            Future<Integer> y = two.submit(() -> writer.write(other));
            assertEquals(1, x.get() + y.get(), "round " + round);
            two.shutdown();
        }
        assertEquals(10, db.count("SELECT count(*) FROM click WHERE affiliate_id = ?", a.id()));
        assertEquals(5, db.count("SELECT count(*) FROM click WHERE affiliate_id = ? AND unique_visit", a.id()));
        db.exec("DELETE FROM click WHERE affiliate_id = ?", a.id()); // future-dated rows: not for other tests
        db.exec("DELETE FROM daily_stats WHERE affiliate_id = ?", a.id());
    }

    private static io.restassured.response.ValidatableResponse runStats(LocalDate day) {
        return given().auth().oauth2(Affiliates.admin()).queryParam("day", day.toString())
                .post("/api/admin/jobs/stats-aggregation/run").then().statusCode(200)
                .body("job", equalTo("stats-aggregation"));
    }
}
