package id.qutab.affiliate.codes;

import java.util.UUID;

/**
 * A code was issued, or its affiliate was suspended, reinstated or erased. Fired inside the transaction that
 * changed it; the code cache applies it only after that transaction committed.
 */
public record CodeChanged(UUID affiliateId, String code, boolean active) {
}
