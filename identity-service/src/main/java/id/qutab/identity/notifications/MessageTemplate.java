package id.qutab.identity.notifications;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One version of a message template (immutable once written, except {@link #active}). */
@Entity
@Table(name = "message_template")
public class MessageTemplate extends PanacheEntityBase {

    public static final String WHATSAPP = "WHATSAPP";
    public static final String EMAIL = "EMAIL";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String channel;

    @Column(name = "template_key", nullable = false)
    public String templateKey;

    @Column(nullable = false)
    public String locale;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public UUID createdBy;

    public boolean transactional() {
        return TemplateKeys.TRANSACTIONAL.contains(category);
    }
}
