package id.qutab.platform.support;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The inbox of the test destination {@code hanging} ({@code qutab.services.hanging.url}): a consumer that takes its
 * time. Each delivery counts down {@link #ARRIVED} and then holds the relay's request until the test calls
 * {@link #release()} (at most {@link #HOLD_SECONDS}), then answers 200.
 */
@Path("/hanging/internal/events")
@PermitAll
public class HangingConsumer {

    public static final int HOLD_SECONDS = 9;
    private static volatile CountDownLatch arrived = new CountDownLatch(1);
    private static volatile CountDownLatch release = new CountDownLatch(1);

    /** A fresh consumer: nothing arrived, nothing released. */
    public static void reset() {
        arrived = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    public static boolean awaitArrival(long seconds) throws InterruptedException {
        return arrived.await(seconds, TimeUnit.SECONDS);
    }

    public static boolean released() {
        return release.getCount() == 0;
    }

    public static void release() {
        release.countDown();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(byte[] body) throws InterruptedException {
        arrived.countDown();
        release.await(HOLD_SECONDS, TimeUnit.SECONDS);
        return Response.ok("{\"outcome\":\"APPLIED\"}", MediaType.APPLICATION_JSON).build();
    }
}
