package id.qutab.testing;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.mailer.runtime.Mailers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SMTP edge in tests: the configured mailer (the mock mailbox), unless a test takes SMTP down.
 * {@code TestSmtp.down()} fails every send as an unreachable server would, {@code failNext(n)} the next n sends,
 * {@code up()} heals it. Replaces the {@link ReactiveMailer} bean (the platform's mail channel sends through it)
 * in every test app that has this jar; while SMTP is up it changes nothing.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestSmtp implements ReactiveMailer {

    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    /**
     * Quarkus' mock mailbox keeps its mails in plain collections: senders running side by side (as the platform's
     * notification senders do) would corrupt it (a ConcurrentModificationException, then a retried mail). A real
     * SMTP client has no such limit; the stand-in takes one mail at a time.
     */
    private static final Object MOCK_MAILBOX = new Object();

    @Inject
    Mailers mailers;

    public static void down() {
        FAILURES_LEFT.set(Integer.MAX_VALUE);
    }

    public static void failNext(int sends) {
        FAILURES_LEFT.set(sends);
    }

    public static void up() {
        FAILURES_LEFT.set(0);
    }

    /** Sends refused since the counter was last reset. */
    public static int refused() {
        return REFUSED.get();
    }

    public static void resetRefused() {
        REFUSED.set(0);
    }

    @Override
    public Uni<Void> send(Mail... mails) {
        if (refuse()) {
            return Uni.createFrom().failure(refusal());
        }
        return Uni.createFrom().voidItem().invoke(() -> {
            synchronized (MOCK_MAILBOX) {
                mailers.mailerFromName(Mailers.DEFAULT_MAILER_NAME).send(mails);
            }
        });
    }

    private static boolean refuse() {
        if (FAILURES_LEFT.getAndUpdate(n -> n > 0 ? (n == Integer.MAX_VALUE ? n : n - 1) : 0) > 0) {
            REFUSED.incrementAndGet();
            return true;
        }
        return false;
    }

    private static java.net.ConnectException refusal() {
        return new java.net.ConnectException("Connection refused (TestSmtp is down)");
    }

    /** The same switch for code that sends with the blocking {@link Mailer}. */
    @Alternative
    @Priority(1)
    @ApplicationScoped
    public static class Blocking implements Mailer {

        @Inject
        Mailers mailers;

        @Override
        public void send(Mail... mails) {
            if (refuse()) {
                throw new IllegalStateException(refusal());
            }
            synchronized (MOCK_MAILBOX) {
                mailers.mailerFromName(Mailers.DEFAULT_MAILER_NAME).send(mails);
            }
        }
    }
}
