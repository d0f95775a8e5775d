package id.qutab.identity.accounts;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ConcurrentRegistrationTest {

    private static final int PARALLEL = 20;

    @Inject
    AgroalDataSource db;

    @Test
    void twentyParallelRegistrationsOfOneEmailMakeExactlyOneAccount() throws Exception {
        String email = Api.uniqueEmail("race");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                // the case differs between callers: uniqueness is case-insensitive
                String typed = i % 2 == 0 ? email : email.toUpperCase();
                calls.add(pool.submit(() -> {
                    start.await();
                    return Api.register(Api.registration("Racer", typed, "081234567890", Api.PASSWORD, "customer"));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> call : calls) {
                Response response = call.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertEquals("application/problem+json", response.contentType());
                    assertEquals("https://qutab.id/problems/email-taken", response.jsonPath().getString("type"));
                }
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses: " + statuses);
            assertEquals(PARALLEL - 1, statuses.stream().filter(s -> s == 409).count(), "statuses: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Db.count(db, "SELECT count(*) FROM users WHERE lower(email) = ?", email));
        String id = Db.one(db, "SELECT id::text AS id FROM users WHERE lower(email) = ?", email).get("id").toString();
        assertEquals(3, Db.count(db, "SELECT count(*) FROM outbox WHERE event_type = 'identity.user.registered' AND aggregate_id = ?", id),
                "one event (three destinations) for the one account");
        assertEquals(1, Db.count(db, "SELECT count(DISTINCT event_id) FROM outbox WHERE event_type = 'identity.user.registered' AND aggregate_id = ?", id));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM one_time_tokens WHERE user_id = ?::uuid", id));
    }
}
