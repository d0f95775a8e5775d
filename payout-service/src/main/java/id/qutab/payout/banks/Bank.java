package id.qutab.payout.banks;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * An Indonesian bank payouts can go to.
 *
 * @param code                 our code for it, used in the API ({@code BCA})
 * @param name                 its name as shown to people
 * @param clearingCode         the 3-digit bank code of the national clearing system (SKNBI / BI-FAST)
 * @param accountNumberLengths how many digits its account numbers have
 */
@RegisterForReflection
public record Bank(String code, String name, String clearingCode, List<Integer> accountNumberLengths) {

    public boolean acceptsAccountNumber(String digits) {
        return accountNumberLengths.contains(digits.length());
    }
}
