package id.qutab.platform.inbox;

import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Applies an incoming event exactly once: the event id goes into {@code inbox} in the same transaction as
 * the handlers' effects. A duplicate (even a concurrent one, which waits on the primary key) inserts
 * nothing and runs no handler; a handler that fails rolls the id back so the redelivery runs it again.
 */
@ApplicationScoped
public class Inbox {

    private static final String REMEMBER = """
            INSERT INTO inbox (event_id, event_type, source) VALUES (?, ?, ?) ON CONFLICT (event_id) DO NOTHING""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Event<EventEnvelope> handlers;

    @Inject
    BeanManager beans;

    public enum Outcome { APPLIED, DUPLICATE, IGNORED }

    @Transactional
    public Outcome apply(EventEnvelope event, String source) {
        if (!remember(event, source)) {
            return Outcome.DUPLICATE;
        }
        EventType type = new EventType.Literal(event.type());
        if (beans.resolveObserverMethods(event, type).isEmpty()) {
            return Outcome.IGNORED; // consumers ignore what they do not handle; still remembered
        }
        handlers.select(type).fire(event);
        return Outcome.APPLIED;
    }

    private boolean remember(EventEnvelope event, String source) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(REMEMBER)) {
            ps.setObject(1, event.id());
            ps.setString(2, event.type());
            ps.setString(3, source);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("inbox insert failed", e);
        }
    }
}
