package id.qutab.affiliate.codes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Announces a code change: bumps the {@code code_version} row (other instances poll it and reload their caches)
 * and fires {@link CodeChanged} for this instance's cache, both in the caller's transaction.
 */
@ApplicationScoped
public class CodeVersion {

    @Inject
    EntityManager em;

    @Inject
    Event<CodeChanged> changed;

    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(UUID affiliateId, String code, boolean active) {
        em.createNativeQuery("UPDATE code_version SET version = version + 1 WHERE id = 1").executeUpdate();
        if (code != null) {
            changed.fire(new CodeChanged(affiliateId, code, active));
        }
    }

    @Transactional
    public long current() {
        return ((Number) em.createNativeQuery("SELECT version FROM code_version WHERE id = 1").getSingleResult()).longValue();
    }
}
