package id.qutab.platform.support;

import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A consumer whose write the database refuses (the code is wider than its column), as a bug would. */
@ApplicationScoped
public class BadDataConsumer {

    @Inject
    AgroalDataSource dataSource;

    void onBadData(@Observes @EventType("test.bad-data") EventEnvelope event) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO short_notes (code, n) VALUES (?, 1)")) {
            ps.setString(1, event.payload().path("code").asText());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
