package id.qutab.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import id.qutab.platform.tx.AfterCommit;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * Records an event in this service's {@code outbox} table inside the caller's transaction, so the event
 * exists if and only if the business change committed. The relay delivers it later.
 *
 * <p>Producers change an aggregate under its row lock; recording order is then the aggregate's commit
 * order, which is the order the relay keeps per aggregate and destination.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    private static final String INSERT = """
            INSERT INTO outbox (id, event_id, destination, event_type, aggregate_id, occurred_at, version, payload,
                                next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    Subscriptions subscriptions;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    OutboxRelay relay;

    @Inject
    RelayClock clock;

    private static final Object NUDGE_REGISTERED = new Object();

    /** Records {@code type} for {@code aggregateId}; returns the event id consumers will dedupe on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String type, String aggregateId, Object payload) {
        return record(type, aggregateId, 1, payload);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String type, String aggregateId, int version, Object payload) {
        UUID eventId = UUID.randomUUID();
        List<String> destinations = subscriptions.destinationsFor(type);
        if (destinations.isEmpty()) {
            LOG.debugf("no subscriber for %s; event %s not recorded", type, eventId);
            return eventId;
        }
        String body = serialize(payload);
        Timestamp now = Timestamp.from(clock.now());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (String destination : destinations) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, eventId);
                insert.setString(3, destination);
                insert.setString(4, type);
                insert.setString(5, aggregateId);
                insert.setTimestamp(6, now);
                insert.setInt(7, version);
                insert.setString(8, body);
                insert.setTimestamp(9, now);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record event " + type, e);
        }
        nudgeRelayAfterCommit();
        return eventId;
    }

    private void nudgeRelayAfterCommit() {
        AfterCommit.once(transaction, NUDGE_REGISTERED, relay::nudge);
    }

    private String serialize(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serializable", e);
        }
    }
}
