package id.qutab.identity.tokens;

import id.qutab.identity.support.Api;
import id.qutab.identity.support.Db;
import id.qutab.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static id.qutab.identity.support.Api.login;
import static id.qutab.identity.support.Api.randomIp;
import static id.qutab.identity.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The login throttle under real concurrent requests: strict and atomic per account (5 attempts per 15 min),
 * a slowdown, never a lockout, per client address (a CGNAT address carries thousands of honest users).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class LoginThrottleTest {

    private static final int PARALLEL = 20;

    @Inject
    AgroalDataSource db;

    @Test
    void twentyParallelWrongPasswordsOnOneAccountGetExactlyFivePasswordChecks() throws Exception {
        String email = uniqueEmail("parallel");
        Api.registerCustomer(email);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        Map<Integer, Integer> statuses = new TreeMap<>();
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                String password = "Wrong-password-" + i;
                calls.add(pool.submit(() -> {
                    start.await();
                    return login(email, password, randomIp());
                }));
            }
            start.countDown();
            for (Future<Response> call : calls) {
                Response response = call.get();
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() == 429) {
                    response.then().contentType("application/problem+json")
                            .body("type", equalTo("https://qutab.id/problems/rate-limited"));
                    assertTrue(Integer.parseInt(response.header("Retry-After")) > 0);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Map.of(401, 5, 429, PARALLEL - 5), statuses, "exactly five guesses were checked");
        assertEquals(5, Db.count(db, "SELECT count(*) FROM login_failures WHERE account_key = ?", LoginThrottle.accountKey(email)));
        assertEquals(5, Db.count(db, "SELECT attempts FROM login_attempts WHERE account_key = ?", LoginThrottle.accountKey(email)));
        // locked: the right password waits too
        login(email, Api.PASSWORD, randomIp()).then().statusCode(429);
    }

    @Test
    void theRightPasswordFromAnAddressFullOfOtherPeoplesFailuresStillSignsIn() {
        String sharedAddress = randomIp();
        // 25 failures from one carrier address (typos of 25 other people, or a password sprayer)
        for (int i = 0; i < 25; i++) {
            login(uniqueEmail("neighbour"), "Wrong-password-1", sharedAddress).then().statusCode(401);
        }
        String email = uniqueEmail("honest");
        Api.registerCustomer(email);
        long started = System.nanoTime();
        login(email, Api.PASSWORD, sharedAddress).then().statusCode(200);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        // slowed down (100 ms per failure past the 20th: 600 ms), not refused
        assertTrue(tookMs >= 600, "a busy address is slowed down: took " + tookMs + " ms");
        // and a wrong password from there is an ordinary 401, not a lockout of the address
        login(uniqueEmail("neighbour"), "Wrong-password-1", sharedAddress).then().statusCode(401);
    }

    @Test
    void theAccountLockoutHoldsFromABusySharedAddressToo() {
        String sharedAddress = randomIp();
        for (int i = 0; i < 21; i++) {
            login(uniqueEmail("crowd"), "Wrong-password-1", sharedAddress).then().statusCode(401);
        }
        String email = uniqueEmail("target");
        Api.registerCustomer(email);
        for (int i = 0; i < 5; i++) {
            login(email, "Wrong-password-" + i, sharedAddress).then().statusCode(401);
        }
        login(email, Api.PASSWORD, sharedAddress).then().statusCode(429);
        login(email, Api.PASSWORD, randomIp()).then().statusCode(429);
        // other people behind the address are not affected by that account's lock
        String other = uniqueEmail("bystander");
        Api.registerCustomer(other);
        login(other, Api.PASSWORD, sharedAddress).then().statusCode(200);
    }
}
