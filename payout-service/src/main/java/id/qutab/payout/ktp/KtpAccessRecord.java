package id.qutab.payout.ktp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One admin read of a KTP image: who, when, which. Written and committed before the image is decrypted. */
@Entity
@Table(name = "ktp_access_audit")
public class KtpAccessRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public UUID accountId;

    @Column(name = "ktp_document_id", nullable = false, updatable = false)
    public UUID ktpDocumentId;

    @Column(name = "admin_user_id", nullable = false, updatable = false)
    public UUID adminUserId;

    @Column(name = "accessed_at", nullable = false, updatable = false)
    public Instant accessedAt;

    @Column(name = "request_id", updatable = false)
    public String requestId;
}
