package id.qutab.commerce.loyalty;

import id.qutab.commerce.customers.CustomerDirectory;
import id.qutab.platform.problem.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * An admin's correction: an ADJUST entry carrying the reason and the admin's id (the audit row), and a
 * {@code commerce.loyalty.adjusted} event. A debit may take the balance below zero, as a reversal can.
 */
@ApplicationScoped
public class LoyaltyAdjustment {

    @Inject
    LoyaltyLedger ledger;

    @Inject
    LoyaltyEvents events;

    @Inject
    CustomerDirectory customers;

    @RegisterForReflection
    public record Adjusted(UUID entryId, long points, long balanceAfter) {
    }

    @Transactional
    public Adjusted adjust(UUID userId, long points, String reason, UUID adminId) {
        // only people commerce knows (identity's registrations): a mistyped id must not open a stray account
        if (customers.find(userId).isEmpty()) {
            throw ProblemException.notFound("The customer");
        }
        ledger.lock(userId);
        LoyaltyLedger.Entry entry = LoyaltyLedger.Entry.of(userId, LoyaltyEntryType.ADJUST, points)
                .withReason(reason.strip(), adminId);
        ledger.append(entry);
        long balance = ledger.balance(userId);
        events.record(LoyaltyEvents.ADJUSTED, new LoyaltyEvents.Payload(userId, points, balance, null, null, null, null));
        return new Adjusted(entry.id(), points, balance);
    }
}
