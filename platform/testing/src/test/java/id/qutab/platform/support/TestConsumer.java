package id.qutab.platform.support;

import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import id.qutab.platform.notify.Message;
import id.qutab.platform.notify.Notifications;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A consumer like a service's: records each applied event in the inbox transaction. */
@ApplicationScoped
public class TestConsumer {

    /** While set, {@code test.poison} events fail, as a broken subscriber would. */
    public static final AtomicBoolean POISON_FAILS = new AtomicBoolean();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Notifications notifications;

    void onThing(@Observes @EventType("test.thing.happened") EventEnvelope event) {
        record(event);
    }

    void onFlaky(@Observes @EventType("flaky.thing.happened") EventEnvelope event) {
        record(event);
    }

    void onPoison(@Observes @EventType("test.poison") EventEnvelope event) {
        if (POISON_FAILS.get()) {
            throw new IllegalStateException("subscriber is broken");
        }
        record(event);
    }

    /** A consumer that mails, as commerce's order confirmation does: the message joins the inbox transaction. */
    void onMailRequested(@Observes @EventType("test.mail.requested") EventEnvelope event) {
        record(event);
        notifications.record(Message.mail("test.welcome", event.id().toString(), event.payload().path("to").asText())
                .withSubject("Selamat datang " + event.payload().path("n").asInt())
                .withText("Halo, pesan nomor " + event.payload().path("n").asInt()));
        if (event.payload().path("failAfterMail").asBoolean()) {
            throw new IllegalStateException("consumer fails after recording its mail");
        }
    }

    private void record(EventEnvelope event) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO received_events (event_id, aggregate_id, n) VALUES (?, ?, ?)")) {
            ps.setObject(1, event.id());
            ps.setString(2, event.aggregateId());
            ps.setInt(3, event.payload().path("n").asInt());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
