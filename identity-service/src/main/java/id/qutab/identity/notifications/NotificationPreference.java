package id.qutab.identity.notifications;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A user's choices; a user without a row has {@link Preferences#DEFAULTS}. */
@Entity
@Table(name = "notification_preference")
public class NotificationPreference extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "whatsapp_transactional", nullable = false)
    public boolean whatsappTransactional;

    @Column(name = "whatsapp_promotions", nullable = false)
    public boolean whatsappPromotions;

    @Column(name = "email_transactional", nullable = false)
    public boolean emailTransactional;

    @Column(name = "email_promotions", nullable = false)
    public boolean emailPromotions;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    Preferences preferences() {
        return new Preferences(new Preferences.Channel(whatsappTransactional, whatsappPromotions),
                new Preferences.Channel(emailTransactional, emailPromotions));
    }
}
