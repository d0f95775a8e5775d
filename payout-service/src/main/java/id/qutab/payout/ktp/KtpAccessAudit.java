package id.qutab.payout.ktp;

import id.qutab.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every admin read of a KTP image leaves a record (who, when, which), committed in its own transaction before
 * a byte is decrypted: a read that fails halfway is still on record, and nothing is readable without one.
 */
@ApplicationScoped
public class KtpAccessAudit {

    /** What an audited read may now open. */
    public record Grant(UUID documentId, String storageName, String keyId, byte[] iv, String contentType) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Grant recordRead(UUID accountId, UUID adminUserId, String requestId) {
        KtpDocument document = KtpDocument.currentOf(accountId)
                .orElseThrow(() -> ProblemException.notFound("KTP of this account"));
        KtpAccessRecord entry = new KtpAccessRecord();
        entry.id = UUID.randomUUID();
        entry.accountId = accountId;
        entry.ktpDocumentId = document.id;
        entry.adminUserId = adminUserId;
        entry.accessedAt = Instant.now();
        entry.requestId = requestId;
        entry.persist();
        return new Grant(document.id, document.storageName, document.keyId, document.iv, document.contentType);
    }

    /** The reads of one account's KTP, newest first. */
    @Transactional
    public List<KtpAccessRecord> readsOf(UUID accountId, int offset, int size) {
        return KtpAccessRecord.<KtpAccessRecord>find("accountId", Sort.descending("accessedAt").and("id"), accountId)
                .range(offset, offset + size - 1).list();
    }

    @Transactional
    public long countReadsOf(UUID accountId) {
        return KtpAccessRecord.count("accountId", accountId);
    }
}
