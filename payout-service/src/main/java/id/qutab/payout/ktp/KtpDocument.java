package id.qutab.payout.ktp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** A KTP image's record: where its ciphertext lives and what opens it. The image itself is never in the database. */
@Entity
@Table(name = "ktp_document")
public class KtpDocument extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public UUID accountId;

    @Column(name = "storage_name", nullable = false)
    public String storageName;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    @Column(name = "iv", nullable = false)
    public byte[] iv;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "plaintext_bytes", nullable = false)
    public int plaintextBytes;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    @Column(name = "superseded_at")
    public Instant supersededAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    private static final String CURRENT = "supersededAt is null and erasedAt is null";

    public static Optional<KtpDocument> currentOf(UUID accountId) {
        return find("accountId = ?1 and " + CURRENT, accountId).firstResultOptional();
    }

    public static boolean presentFor(UUID accountId) {
        return count("accountId = ?1 and " + CURRENT, accountId) > 0;
    }

    /** Upload time of the current KTP of each of these accounts (absent: none). */
    public static Map<UUID, Instant> uploadedAtOf(Collection<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        List<KtpDocument> docs = list("accountId in ?1 and " + CURRENT, accountIds);
        return docs.stream().collect(Collectors.toMap(d -> d.accountId, d -> d.uploadedAt));
    }

    /** Current documents sealed with another key than {@code keyId} (the rekey job's work list). */
    public static List<KtpDocument> sealedWithOtherKeyThan(String keyId, int limit) {
        return find("keyId <> ?1 and " + CURRENT + " order by uploadedAt", keyId).page(0, limit).list();
    }
}
