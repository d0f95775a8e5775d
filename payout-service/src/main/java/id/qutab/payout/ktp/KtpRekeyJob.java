package id.qutab.payout.ktp;

import id.qutab.payout.accounts.BankAccounts;
import id.qutab.platform.jobs.AdminJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Key rotation, second half: after the active key changed ({@code qutab.ktp.key} / {@code key-id}, the old one
 * moved to {@code qutab.ktp.retired-keys}), re-seal every current KTP image and NIK still sealed with a retired
 * key. Each item is its own transaction; running it again finds nothing left to do. Once it reports 0, the
 * retired key can be removed from the configuration. Only on demand: {@code POST /api/admin/jobs/ktp-rekey/run}.
 */
@ApplicationScoped
public class KtpRekeyJob implements AdminJob {

    public static final String NAME = "ktp-rekey";
    private static final Logger LOG = Logger.getLogger(KtpRekeyJob.class);
    private static final int BATCH = 50;

    @Inject
    KtpDocuments documents;

    @Inject
    KtpVault vault;

    @Inject
    EntityManager em;

    public record Report(String job, int processed, int images, int niks, int failed) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Report runNow() {
        int images = 0;
        int niks = 0;
        Set<UUID> failed = new HashSet<>();
        for (List<UUID> batch = imagesToDo(failed); !batch.isEmpty(); batch = imagesToDo(failed)) {
            for (UUID id : batch) {
                try {
                    images += documents.rekey(id) ? 1 : 0;
                } catch (RuntimeException e) {
                    failed.add(id);
                    LOG.errorf("KTP document %s could not be re-sealed: %s", id, e.getClass().getSimpleName());
                }
            }
        }
        for (List<UUID> batch = niksToDo(failed); !batch.isEmpty(); batch = niksToDo(failed)) {
            for (UUID accountId : batch) {
                try {
                    niks += documents.rekeyNik(accountId, BankAccounts.NIK_FIELD) ? 1 : 0;
                } catch (RuntimeException e) {
                    failed.add(accountId);
                    LOG.errorf("NIK of account %s could not be re-sealed: %s", accountId, e.getClass().getSimpleName());
                }
            }
        }
        return new Report(NAME, images + niks, images, niks, failed.size());
    }

    @Transactional
    List<UUID> imagesToDo(Set<UUID> skip) {
        return em.createQuery("select d.id from KtpDocument d where d.keyId <> :active and d.supersededAt is null"
                        + " and d.erasedAt is null and d.id not in :skip order by d.uploadedAt", UUID.class)
                .setParameter("active", vault.activeKeyId()).setParameter("skip", nonEmpty(skip))
                .setMaxResults(BATCH).getResultList();
    }

    @Transactional
    List<UUID> niksToDo(Set<UUID> skip) {
        return em.createQuery("select a.id from PayoutAccount a where a.nikSealed is not null"
                        + " and a.nikSealed not like :active and a.id not in :skip order by a.id", UUID.class)
                .setParameter("active", vault.activeKeyId() + ":%").setParameter("skip", nonEmpty(skip))
                .setMaxResults(BATCH).getResultList();
    }

    private static Set<UUID> nonEmpty(Set<UUID> ids) {
        return ids.isEmpty() ? Set.of(new UUID(0, 0)) : ids;
    }
}
