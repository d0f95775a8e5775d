package id.qutab.commerce.payments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Audit of every authenticated provider callback: verbatim body, when, and what it did. */
@Entity
@Table(name = "payment_callback")
public class PaymentCallback extends PanacheEntityBase {

    @Id
    public UUID id;

    public String provider;

    @Column(name = "provider_invoice_id")
    public String providerInvoiceId;

    @Column(name = "external_id")
    public String externalId;

    public String status;

    @Column(name = "raw_body")
    public String rawBody;

    @Column(name = "received_at")
    public Instant receivedAt;

    public String outcome;

    @Column(name = "payment_id")
    public UUID paymentId;

    /** {@code provider:invoice:status}, set on the one callback that was processed; replays find it taken. */
    @Column(name = "dedupe_key")
    public String dedupeKey;
}
