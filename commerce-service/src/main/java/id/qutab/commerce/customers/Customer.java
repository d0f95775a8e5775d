package id.qutab.commerce.customers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What commerce knows of a user to write to them: fed by identity's events, anonymized on deletion. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String email;

    public String phone;

    public String locale;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** Accepts promotional messages (WhatsApp or mail): the reminder job writes only to these. */
    @Column(name = "promotions_opt_in")
    public boolean promotionsOptIn;

    /** When the preference behind {@link #promotionsOptIn} was set (identity's {@code at}). */
    @Column(name = "preferences_at")
    public Instant preferencesAt;
}
