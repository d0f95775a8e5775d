package id.qutab.payout.accounts;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/** Which affiliate an account belongs to; never changes, so it is safe to read before taking the affiliate's lock. */
@RegisterForReflection
public record AccountKey(UUID id, UUID affiliateId) {
}
