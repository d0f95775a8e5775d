package id.qutab.affiliate.clicks;

import java.time.Instant;
import java.util.UUID;

/** One referral click as the hot path records it in memory; {@code visitorHash} is 32 bytes, never the IP. */
public record Click(UUID id, UUID affiliateId, String code, Instant at, byte[] visitorHash, boolean bot, String target) {
}
